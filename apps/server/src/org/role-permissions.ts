// The role → permission table in force. Shipped default until the versioned-document module
// serves the published `role-permissions` document.
import type { Kysely } from 'kysely';
import { DEFAULT_ROLE_PERMISSIONS, type RolePermissionTable } from '@griddesk/domain';
import type { DB } from '../db/schema';

export async function rolePermissionTable(_db: Kysely<DB>): Promise<RolePermissionTable> {
  return DEFAULT_ROLE_PERMISSIONS;
}
