// Which role may do what (R-ORG-01, R-SYS-03). Kept as data so that a later policy page can show
// and, if needed, change it; the server checks `can(roles, permission)` on a service's first line.
import { PERMISSIONS, type Permission, type Role } from '@griddesk/shared';

export { PERMISSIONS, type Permission };

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  station_head: [
    'ledger.read',
    'ledger.write',
    'ledger.import',
    'personal.reveal',
    'audit.read',
    'org.read',
    'org.write',
    'cases.read',
    'cases.write',
    'breaches.manage',
  ],
  team_leader: ['ledger.read', 'ledger.write', 'personal.reveal', 'org.read', 'cases.read', 'cases.write'],
  clerk: ['ledger.read', 'ledger.write', 'ledger.import', 'personal.reveal', 'org.read', 'cases.read', 'cases.write'],
  repair_crew: ['ledger.read', 'personal.reveal', 'org.read', 'cases.read', 'cases.write'],
  safety_officer: ['ledger.read', 'org.read', 'cases.read'],
  inspector: ['ledger.read', 'audit.read', 'org.read', 'cases.read'],
  // read-mostly: sees the ledger and cases masked, never reveals personal data
  supervisor: ['ledger.read', 'org.read', 'cases.read'],
  auditor: ['ledger.read', 'audit.read', 'org.read', 'cases.read'],
};

/** Every permission the roles give, in the order of PERMISSIONS. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => can(roles, p));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
