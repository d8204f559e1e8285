// Rules of organisation and staff administration (R-ORG-01..03): which unit may hang under which,
// what a code, username, badge number or phone must look like, who may grant what. Pure: the
// server reads the rows and the actor, these functions say yes or why not.
import { ORG_KINDS, POSTS, ROLES, TEAM_KINDS, type OrgKind, type Role } from '@griddesk/shared';

export interface OrgFieldProblem {
  field: string;
  reason: string;
  reasonZh: string;
}

/** county → station → team: the kind a unit's parent must have (a county has none). */
export const PARENT_KIND: Record<OrgKind, OrgKind | null> = { county: null, station: 'county', team: 'station' };

const KIND_ZH: Record<OrgKind, string> = { county: '县公司', station: '供电所', team: '班组' };

/** Whether `parentKind` may hold a unit of `kind`; the problem names `parentId`. */
export function checkParentKind(kind: OrgKind, parentKind: OrgKind | null): OrgFieldProblem | null {
  const wanted = PARENT_KIND[kind];
  if (wanted === parentKind) return null;
  if (wanted === null) return { field: 'parentId', reason: 'a county company is the root and has no parent', reasonZh: '县公司是最上级单位，没有上级' };
  return {
    field: 'parentId',
    reason: `a ${kind} belongs to a ${wanted}${parentKind ? `, not a ${parentKind}` : ''}`,
    reasonZh: `${KIND_ZH[kind]}的上级必须是${KIND_ZH[wanted]}${parentKind ? `，不能是${KIND_ZH[parentKind]}` : ''}`,
  };
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const USERNAME = /^[a-z][a-z0-9._-]{1,31}$/;
const BADGE = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
/** a mobile (11 digits), a landline with area code and extension, or an international number */
const PHONE = /^\+?[0-9][0-9 ()-]{4,22}[0-9]$/;

function text(field: string, value: string | undefined, max: number, problems: OrgFieldProblem[], required: boolean): void {
  if (value === undefined) return;
  const v = value.trim();
  if (v.length === 0) {
    if (required) problems.push({ field, reason: 'is required', reasonZh: '必填' });
    return;
  }
  if ([...v].length > max) problems.push({ field, reason: `must have at most ${max} characters`, reasonZh: `最多 ${max} 个字符` });
}

export interface UnitFields {
  kind?: string | undefined;
  code?: string | undefined;
  name?: string | undefined;
  nameEn?: string | null | undefined;
  teamKind?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  serviceHours?: string | null | undefined;
}

/**
 * Content problems of a unit's fields (create, or the fields a change carries). `kind` is the
 * unit's kind, given or stored: station-only fields on a team, a team kind on a station are refused.
 */
export function checkUnitFields(f: UnitFields, kind: string | undefined): OrgFieldProblem[] {
  const problems: OrgFieldProblem[] = [];
  if (f.kind !== undefined && !(ORG_KINDS as readonly string[]).includes(f.kind)) {
    problems.push({ field: 'kind', reason: 'must be county, station or team', reasonZh: '须为县公司、供电所或班组' });
  }
  if (f.code !== undefined && !CODE.test(f.code)) {
    problems.push({
      field: 'code',
      reason: 'must be 1–32 letters, digits, hyphens or underscores, starting with a letter or digit',
      reasonZh: '须为 1–32 位字母、数字、连字符或下划线，以字母或数字开头',
    });
  }
  text('name', f.name, 60, problems, true);
  text('nameEn', f.nameEn ?? undefined, 120, problems, false);
  text('address', f.address ?? undefined, 200, problems, false);
  text('serviceHours', f.serviceHours ?? undefined, 200, problems, false);
  if (f.phone != null && f.phone.trim() !== '' && !PHONE.test(f.phone.trim())) {
    problems.push({ field: 'phone', reason: 'is not a phone number', reasonZh: '不是有效的电话号码' });
  }
  if (f.teamKind != null) {
    if (kind !== 'team') problems.push({ field: 'teamKind', reason: 'is for teams only', reasonZh: '仅班组可填写' });
    else if (!(TEAM_KINDS as readonly string[]).includes(f.teamKind)) {
      problems.push({ field: 'teamKind', reason: 'must be customer_service, distribution or business', reasonZh: '须为客户服务班、配电班或营业班' });
    }
  }
  if (kind === 'team') {
    for (const field of ['address', 'phone', 'serviceHours'] as const) {
      const v = f[field];
      if (v != null && v.trim() !== '') problems.push({ field, reason: 'is for stations and the county only', reasonZh: '仅供电所和县公司可填写' });
    }
  }
  return problems;
}

export interface UserFields {
  username?: string | undefined;
  displayName?: string | undefined;
  post?: string | undefined;
  roles?: readonly string[] | undefined;
  badgeNo?: string | null | undefined;
  phone?: string | null | undefined;
}

/** Content problems of a user's fields (create, or the fields a change carries). */
export function checkUserFields(f: UserFields): OrgFieldProblem[] {
  const problems: OrgFieldProblem[] = [];
  if (f.username !== undefined && !USERNAME.test(f.username)) {
    problems.push({
      field: 'username',
      reason: 'must be 2–32 lower-case letters, digits, dots, hyphens or underscores, starting with a letter',
      reasonZh: '须为 2–32 位小写字母、数字、点、连字符或下划线，以字母开头',
    });
  }
  text('displayName', f.displayName, 40, problems, true);
  if (f.post !== undefined && !(POSTS as readonly string[]).includes(f.post)) {
    problems.push({ field: 'post', reason: 'is not a known post', reasonZh: '不是已定义的岗位' });
  }
  if (f.roles !== undefined) {
    if (f.roles.length === 0) problems.push({ field: 'roles', reason: 'must hold at least one role', reasonZh: '至少选择一个角色' });
    for (const [i, r] of f.roles.entries()) {
      if (!(ROLES as readonly string[]).includes(r))
        problems.push({ field: `roles.${i}`, reason: `unknown role ${JSON.stringify(r)}`, reasonZh: `未知角色 ${r}` });
    }
    if (new Set(f.roles).size !== f.roles.length) problems.push({ field: 'roles', reason: 'lists a role twice', reasonZh: '角色重复' });
  }
  if (f.badgeNo != null && f.badgeNo.trim() !== '' && !BADGE.test(f.badgeNo.trim())) {
    problems.push({ field: 'badgeNo', reason: 'must be 1–20 letters, digits or hyphens', reasonZh: '须为 1–20 位字母、数字或连字符' });
  }
  if (f.phone != null && f.phone.trim() !== '' && !PHONE.test(f.phone.trim())) {
    problems.push({ field: 'phone', reason: 'is not a phone number', reasonZh: '不是有效的电话号码' });
  }
  return problems;
}

/** Who is acting: their roles and the units they administer. */
export interface AdminActor {
  id: number;
  roles: readonly Role[];
  unitIds: readonly number[];
}

export const isAdmin = (actor: Pick<AdminActor, 'roles'>) => actor.roles.includes('admin');

/**
 * Whether `actor` may act on a unit of `kind` with id `unitId` (its own record, or as the place a
 * user or a unit goes): it must lie in the subtree they administer, and only a system administrator
 * acts on the county itself (its name, its stations, its staff).
 */
export function mayAdministerUnit(actor: AdminActor, unit: { id: number; kind: OrgKind }): boolean {
  if (!actor.unitIds.includes(unit.id)) return false;
  return unit.kind !== 'county' || isAdmin(actor);
}

/** Granting or taking away the administrator role, or editing an administrator, is for administrators. */
export function mayTouchRoles(actor: Pick<AdminActor, 'roles'>, before: readonly string[], after: readonly string[]): boolean {
  if (isAdmin(actor)) return true;
  return !before.includes('admin') && !after.includes('admin');
}
