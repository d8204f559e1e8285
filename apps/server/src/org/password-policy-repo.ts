// The password policy in force (minimum length, banned passwords and words, lockout threshold and
// duration) as a versioned document; every caller reads it through this one function.
import type { Kysely } from 'kysely';
import { checkPasswordPolicy, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { DEFAULT_KEY, type DocumentKind } from '../platform/documents/kinds';
import { inForce } from '../platform/documents/service';

export const PASSWORD_POLICY: DocumentKind<PasswordPolicy> = {
  kind: 'password-policy',
  label: { zh: '密码与登录锁定', en: 'Passwords and lockout' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'org.admin',
  inForce: 'key',
  auditEntity: 'password_policy',
  auditId: (_key, version) => String(version),
  check: (definition) => checkPasswordPolicy(definition),
  normalise: (definition) => {
    const d = definition as PasswordPolicy;
    return {
      minLength: d.minLength,
      maxLength: d.maxLength,
      bannedPasswords: [...new Set(d.bannedPasswords.map((p) => p.toLowerCase()))],
      bannedWords: d.bannedWords,
      lockout: { maxFailures: d.lockout.maxFailures, lockMinutes: d.lockout.lockMinutes },
    };
  },
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: DEFAULT_PASSWORD_POLICY, inForce: true }],
};

export async function passwordPolicy(db: Kysely<DB>): Promise<PasswordPolicy> {
  return (await inForce(db, PASSWORD_POLICY)).definition;
}
