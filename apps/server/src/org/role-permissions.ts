// The role → permission table as a policy document (R-ORG-01): the shipped table is version 1;
// an administrator publishes changes, and every request's actor is computed from the version in force.
import type { Kysely } from 'kysely';
import { checkRolePermissionTable, DEFAULT_ROLE_PERMISSIONS, type RolePermissionTable } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { DEFAULT_KEY, type DocumentKind } from '../platform/documents/kinds';
import { inForce } from '../platform/documents/service';

export interface RolePermissions {
  roles: RolePermissionTable;
}

export const ROLE_PERMISSIONS: DocumentKind<RolePermissions> = {
  kind: 'role-permissions',
  label: { zh: '角色权限', en: 'Role permissions' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'org.read',
  inForce: 'key',
  auditEntity: 'role_permissions',
  auditId: (_key, version) => String(version),
  check: (definition) =>
    typeof definition === 'object' && definition !== null
      ? checkRolePermissionTable((definition as { roles?: unknown }).roles)
      : [{ field: 'definition', reason: 'must be an object', reasonZh: '须为对象' }],
  normalise: (definition) => ({ roles: (definition as RolePermissions).roles }),
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: { roles: DEFAULT_ROLE_PERMISSIONS }, inForce: true }],
};

export async function rolePermissionTable(db: Kysely<DB>): Promise<RolePermissionTable> {
  return (await inForce(db, ROLE_PERMISSIONS)).definition.roles;
}
