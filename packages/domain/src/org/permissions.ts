// Which role may do what (R-ORG-01, R-SYS-03). The table below is the shipped default of the
// `role-permissions` policy document; an administrator publishes changed versions and the server
// checks the version in force. Pure: callers pass the table they read.
import { PERMISSIONS, type Permission, ROLES, type Role } from '@griddesk/shared';

export { PERMISSIONS, type Permission };

export type RolePermissionTable = Record<Role, readonly Permission[]>;

const READ_ALL: readonly Permission[] = [
  'org.read',
  'ledger.read',
  'cases.read',
  'metering.read',
  'applications.read',
  'outages.read',
  'safety.read',
  'assessment.read',
  'quality.read',
];

export const DEFAULT_ROLE_PERMISSIONS: RolePermissionTable = {
  admin: PERMISSIONS,
  // the station head runs the station: every capability, its staff, its audit trail and exports
  station_head: PERMISSIONS.filter((p) => p !== 'policy.write'),
  team_leader: [
    ...READ_ALL,
    'ledger.write',
    'personal.reveal',
    'cases.write',
    'metering.run',
    'applications.write',
    'outages.write',
    'safety.write',
    'assessment.write',
  ],
  clerk: [...READ_ALL, 'ledger.write', 'ledger.import', 'personal.reveal', 'cases.write', 'metering.run', 'metering.write', 'applications.write'],
  repair_crew: [...READ_ALL, 'personal.reveal', 'cases.write', 'outages.write', 'safety.write'],
  safety_officer: [...READ_ALL, 'safety.write', 'assessment.write'],
  // 稽查员: anti-theft and service inspections; reads the audit trail, never reveals phone numbers
  inspector: [...READ_ALL, 'audit.read', 'metering.theft', 'metering.write', 'assessment.write'],
  // the external conduct supervisor is read-mostly and files supervision reports; sees personal
  // data masked and never the named theft suspects
  supervisor: [...READ_ALL, 'assessment.write'],
  auditor: [...READ_ALL, 'audit.read'],
};

/** Every permission the roles give, in the order of PERMISSIONS. */
export function permissionsOf(roles: readonly Role[], table: RolePermissionTable = DEFAULT_ROLE_PERMISSIONS): Permission[] {
  const granted = new Set<Permission>();
  for (const r of roles) for (const p of table[r] ?? []) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function can(roles: readonly Role[], permission: Permission, table: RolePermissionTable = DEFAULT_ROLE_PERMISSIONS): boolean {
  return roles.some((r) => table[r]?.includes(permission));
}

/** Problems of a role → permission table an administrator wants to publish (field, reason). */
export function checkRolePermissionTable(value: unknown): { field: string; reason: string; reasonZh: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'roles', reason: 'must be an object of role → permissions', reasonZh: '须为“角色 → 权限”对象' }];
  }
  const problems: { field: string; reason: string; reasonZh: string }[] = [];
  const table = value as Record<string, unknown>;
  for (const role of ROLES) {
    const list = table[role];
    if (!Array.isArray(list)) {
      problems.push({ field: `roles.${role}`, reason: 'is missing or not a list', reasonZh: '缺失或不是列表' });
      continue;
    }
    for (const [i, p] of list.entries()) {
      if (!(PERMISSIONS as readonly unknown[]).includes(p)) {
        problems.push({ field: `roles.${role}.${i}`, reason: `unknown permission ${JSON.stringify(p)}`, reasonZh: `未知权限 ${String(p)}` });
      }
    }
  }
  for (const key of Object.keys(table)) {
    if (!(ROLES as readonly string[]).includes(key)) problems.push({ field: `roles.${key}`, reason: 'unknown role', reasonZh: '未知角色' });
  }
  // the administrator keeps the right to change this table, or nobody could undo a mistake
  if (Array.isArray(table.admin) && !table.admin.includes('policy.write')) {
    problems.push({ field: 'roles.admin', reason: 'must keep policy.write', reasonZh: '系统管理员必须保留“政策维护”权限' });
  }
  return problems;
}
