// The signed-in user as every service sees it: who, with which roles and permissions, and which
// org units and stations their data scope covers (R-ORG-01).
import type { Kysely } from 'kysely';
import type { Permission, Role } from '@griddesk/shared';
import { dataScopeRoot, permissionsOf, stationsInScope, unitsInScope, type ScopeUnit } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { rolePermissionTable } from './role-permissions';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  /** what the roles allow under the role → permission table in force */
  permissions: Permission[];
  orgUnitId: number;
  /** org units the user administers (their own subtree) */
  unitIds: number[];
  /** org units the user works with: for a team member, the whole station (to assign, transfer) */
  workUnitIds: number[];
  /** stations whose ledger and cases the user works on */
  stationIds: number[];
  /** after an administrator's reset: reads only, until the user picks a new password */
  mustChangePassword: boolean;
}

/** Used for work the system does on its own behalf (demo loading, CLI imports). */
export const SYSTEM_ACTOR_NAME = 'system';

export function hasPermission(actor: Pick<Actor, 'permissions'>, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export async function loadScopeUnits(db: Kysely<DB>): Promise<ScopeUnit[]> {
  const rows = await db.selectFrom('org_units').select(['id', 'kind', 'path', 'parent_id']).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, path: r.path, parentId: r.parent_id }));
}

// The org tree of each database, kept while its revision (read with the session) does not move:
// every request needs it, and it changes only when an administrator edits a unit.
const trees = new WeakMap<Kysely<DB>, { revision: number; units: Promise<ScopeUnit[]> }>();

function scopeUnits(db: Kysely<DB>, revision: number | null | undefined): Promise<ScopeUnit[]> {
  if (revision === null || revision === undefined) return loadScopeUnits(db);
  const kept = trees.get(db);
  if (kept && kept.revision === revision) return kept.units;
  const units = loadScopeUnits(db);
  trees.set(db, { revision, units });
  units.catch(() => trees.delete(db));
  return units;
}

export async function actorFor(
  db: Kysely<DB>,
  user: {
    id: number;
    username: string;
    display_name: string;
    roles: string[];
    org_unit_id: number;
    must_change_password?: boolean;
    /** the org tree's revision, read with the session: the tree is then served from memory */
    org_revision?: number | null;
  },
): Promise<Actor> {
  const [units, table] = await Promise.all([scopeUnits(db, user.org_revision), rolePermissionTable(db)]);
  const home = units.find((u) => u.id === user.org_unit_id);
  if (!home) throw new Error(`user ${user.username} belongs to a missing org unit`);
  const roles = user.roles as Role[];
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles,
    permissions: permissionsOf(roles, table),
    orgUnitId: user.org_unit_id,
    unitIds: unitsInScope(home, units),
    workUnitIds: unitsInScope(dataScopeRoot(home, units), units),
    stationIds: stationsInScope(dataScopeRoot(home, units), units),
    mustChangePassword: user.must_change_password ?? false,
  };
}
