// Which role may do what (R-ORG-01, R-SYS-03). Kept as data so that a later policy page can show
// and, if needed, change it; the server checks `can(roles, permission)` on a service's first line.
import type { Role } from '@griddesk/shared';

export const PERMISSIONS = [
  'ledger.read',
  'ledger.write',
  'ledger.import',
  'personal.reveal',
  'audit.read',
  'org.read',
  'org.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  station_head: ['ledger.read', 'ledger.write', 'ledger.import', 'personal.reveal', 'audit.read', 'org.read', 'org.write'],
  team_leader: ['ledger.read', 'ledger.write', 'personal.reveal', 'org.read'],
  clerk: ['ledger.read', 'ledger.write', 'ledger.import', 'personal.reveal', 'org.read'],
  repair_crew: ['ledger.read', 'personal.reveal', 'org.read'],
  safety_officer: ['ledger.read', 'org.read'],
  inspector: ['ledger.read', 'audit.read', 'org.read'],
  // read-mostly: sees the ledger masked, never reveals personal data
  supervisor: ['ledger.read', 'org.read'],
  auditor: ['ledger.read', 'audit.read', 'org.read'],
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
