// Roles, posts and org-unit kinds shared by server and web (R-ORG-01, R-ORG-02).
export const ROLES = ['admin', 'station_head', 'team_leader', 'clerk', 'repair_crew', 'safety_officer', 'inspector', 'supervisor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  station_head: { zh: '所长', en: 'Station head' },
  team_leader: { zh: '班长', en: 'Team leader' },
  clerk: { zh: '营业员', en: 'Counter clerk' },
  repair_crew: { zh: '抢修人员', en: 'Repair crew' },
  safety_officer: { zh: '安全员', en: 'Safety officer' },
  inspector: { zh: '稽查员', en: 'Inspector' },
  supervisor: { zh: '行风监督员', en: 'External conduct supervisor' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

export const POSTS = [
  'station_head',
  'safety_officer',
  'business_clerk',
  'technician',
  'rural_electrician',
  'lobby_manager',
  'team_leader',
  'conduct_supervisor',
  'inspector',
  'auditor',
  'sysadmin',
] as const;
export type Post = (typeof POSTS)[number];

export const POST_LABELS: Record<Post, { zh: string; en: string }> = {
  station_head: { zh: '所长', en: 'Station head' },
  safety_officer: { zh: '安全员', en: 'Safety officer' },
  business_clerk: { zh: '营业员', en: 'Business clerk' },
  technician: { zh: '技术员', en: 'Technician' },
  rural_electrician: { zh: '农电工', en: 'Rural electrician' },
  lobby_manager: { zh: '大堂经理', en: 'Lobby manager' },
  team_leader: { zh: '班长', en: 'Team leader' },
  conduct_supervisor: { zh: '行风监督员', en: 'Conduct supervisor' },
  inspector: { zh: '稽查员', en: 'Inspector' },
  auditor: { zh: '审计员', en: 'Auditor' },
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
};

export const ORG_KINDS = ['county', 'station', 'team'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const TEAM_KINDS = ['customer_service', 'distribution', 'business'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_KIND_LABELS: Record<TeamKind, { zh: string; en: string }> = {
  customer_service: { zh: '客户服务班', en: 'Customer service team' },
  distribution: { zh: '配电班', en: 'Distribution team' },
  business: { zh: '营业班', en: 'Business team' },
};

/**
 * What a role may do; the role → permission table is policy data (a versioned document seeded from
 * packages/domain org/permissions.ts). Each capability has its own prefix, so granting one never
 * grants another's reads (R-ORG-01, R-SYS-03).
 */
export const PERMISSIONS = [
  'org.read',
  'org.admin',
  'audit.read',
  'personal.reveal',
  'personal.export',
  'policy.write',
  'ledger.read',
  'ledger.write',
  'ledger.import',
  'cases.read',
  'cases.write',
  'breaches.manage',
  'metering.read',
  'metering.run',
  'metering.write',
  'metering.theft',
  'applications.read',
  'applications.write',
  'outages.read',
  'outages.write',
  'safety.read',
  'safety.write',
  'assessment.read',
  'assessment.write',
  'quality.read',
  'quality.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each permission lets a person do, as the role table page shows it. */
export const PERMISSION_LABELS: Record<Permission, { zh: string; en: string }> = {
  'org.read': { zh: '查看组织与人员', en: 'See units and staff' },
  'org.admin': { zh: '管理组织与人员', en: 'Manage units and staff' },
  'audit.read': { zh: '查看审计记录', en: 'Read the audit trail' },
  'personal.reveal': { zh: '查看客户完整联系方式', en: 'Reveal customers’ contact details' },
  'personal.export': { zh: '导出客户完整联系方式', en: 'Export customers’ contact details' },
  'policy.write': { zh: '修改承诺与规则', en: 'Change commitments and rules' },
  'ledger.read': { zh: '查看台账', en: 'See the ledger' },
  'ledger.write': { zh: '修改台账', en: 'Change the ledger' },
  'ledger.import': { zh: '导入台账', en: 'Import the ledger' },
  'cases.read': { zh: '查看工单', en: 'See cases' },
  'cases.write': { zh: '受理与处理工单', en: 'Take and handle cases' },
  'breaches.manage': { zh: '处理超时记录', en: 'Handle missed deadlines' },
  'metering.read': { zh: '查看抄表与线损', en: 'See readings and line loss' },
  'metering.run': { zh: '计算电费与线损', en: 'Run bills and line loss' },
  'metering.write': { zh: '维护抄表段与稽查', en: 'Maintain reading segments and inspections' },
  'metering.theft': { zh: '窃电嫌疑筛查', en: 'Theft screening' },
  'applications.read': { zh: '查看业扩报装', en: 'See applications' },
  'applications.write': { zh: '办理业扩报装', en: 'Handle applications' },
  'outages.read': { zh: '查看停电与可靠性', en: 'See outages and reliability' },
  'outages.write': { zh: '登记停电', en: 'Record outages' },
  'safety.read': { zh: '查看安全管理', en: 'See safety records' },
  'safety.write': { zh: '维护安全管理', en: 'Keep safety records' },
  'assessment.read': { zh: '查看检查与考核', en: 'See inspections and assessment' },
  'assessment.write': { zh: '开展检查与考核', en: 'Inspect and assess' },
  'quality.read': { zh: '查看服务质量评价', en: 'See quality evaluation' },
  'quality.write': { zh: '开展服务质量评价', en: 'Run quality evaluation' },
};

/**
 * What a route needs: a permission, any signed-in user (`signed-in`: one's own profile, jobs and
 * password), or nobody (`public`: the portal, sign-in, health). Shown in OpenAPI as `x-permission`.
 */
export type RouteAccess = Permission | 'signed-in' | 'public';
