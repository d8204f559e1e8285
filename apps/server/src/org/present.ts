// What the org routes answer: units and users as the API contract shapes them, with personal data
// masked unless the caller may see it (R-SYS-03) and photos as versioned URLs (R-ORG-03).
import type { OrgUnitView, UserView } from '@griddesk/shared/org-api';
import type { Role } from '@griddesk/shared';
import { mayAdministerUnit, maskPhone, permissionsOf, type RolePermissionTable } from '@griddesk/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from './actor';

/** The public URL of an on-duty staff member's photo; a new photo is a new URL, so it caches forever. */
export const portalPhotoUrl = (userId: number, sha256: string) => `/api/portal/staff/${userId}/photo?v=${sha256.slice(0, 16)}`;
/** The console's URL of any staff photo in the caller's scope. */
export const consolePhotoUrl = (userId: number, sha256: string) => `/api/org/users/${userId}/photo?v=${sha256.slice(0, 16)}`;

const canAdminister = (actor: Actor) => actor.permissions.includes('org.admin');

/** Unit rows with their active staff count, ready for `unitView`. */
export function unitQuery(db: Kysely<DB>) {
  return db
    .selectFrom('org_units')
    .selectAll('org_units')
    .select((eb) =>
      eb
        .selectFrom('users')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('users.org_unit_id', '=', 'org_units.id')
        .where('users.active', '=', true)
        .as('active_staff'),
    );
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

export function unitView(u: UnitRow, actor: Actor): OrgUnitView {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    nameEn: u.name_en,
    kind: u.kind,
    teamKind: u.team_kind,
    parentId: u.parent_id,
    address: u.address,
    phone: u.phone,
    serviceHours: u.service_hours,
    retired: u.retired,
    activeStaff: Number(u.active_staff ?? 0),
    administrable: canAdminister(actor) && mayAdministerUnit(actor, u),
  };
}

/** User rows joined with their unit and photo digest (never the photo itself), ready for `userView`. */
export function userQuery(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .leftJoin('staff_photos', 'staff_photos.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.post',
      'users.badge_no',
      'users.roles',
      'users.phone',
      'users.on_duty',
      'users.active',
      'users.locked_until',
      'users.must_change_password',
      'users.org_unit_id',
      'org_units.name as unit_name',
      'org_units.kind as unit_kind',
      'staff_photos.sha256 as photo_sha256',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

export function userView(u: UserRow, actor: Actor, table: RolePermissionTable, now: Date): UserView {
  const administrable = canAdminister(actor) && mayAdministerUnit(actor, { id: u.org_unit_id, kind: u.unit_kind });
  const revealPhone = administrable || actor.permissions.includes('personal.reveal') || u.id === actor.id;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    post: u.post as UserView['post'],
    badgeNo: u.badge_no,
    roles: u.roles as Role[],
    permissions: permissionsOf(u.roles as Role[], table),
    orgUnitId: u.org_unit_id,
    orgUnitName: u.unit_name,
    phone: revealPhone ? u.phone : maskPhone(u.phone),
    onDuty: u.on_duty,
    active: u.active,
    lockedUntil: u.locked_until && u.locked_until.getTime() > now.getTime() ? u.locked_until.toISOString() : null,
    mustChangePassword: u.must_change_password,
    photoUrl: u.photo_sha256 ? consolePhotoUrl(u.id, u.photo_sha256) : null,
    administrable,
  };
}
