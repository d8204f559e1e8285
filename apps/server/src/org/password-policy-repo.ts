// The password policy in force (minimum length, banned passwords and words, lockout threshold and
// duration). Shipped default until the versioned-document module serves the published
// `password-policy` document; every caller reads it through this one function.
import type { Kysely } from 'kysely';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@griddesk/domain';
import type { DB } from '../db/schema';

export async function passwordPolicy(_db: Kysely<DB>): Promise<PasswordPolicy> {
  return DEFAULT_PASSWORD_POLICY;
}
