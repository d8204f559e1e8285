// The evasive phrases no message may carry (R-PUB-03), as a policy document a station may extend.
import { type BannedPhrases, checkBannedPhrases, DEFAULT_BANNED_PHRASES } from '@griddesk/domain/notify/phrases';
import { DEFAULT_KEY, type DocumentKind } from '../../platform/documents/kinds';

export const BANNED_PHRASES: DocumentKind<BannedPhrases> = {
  kind: 'banned-phrases',
  label: { zh: '禁用服务用语', en: 'Banned phrases' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'signed-in',
  inForce: 'key',
  auditEntity: 'banned_phrases',
  auditId: (_key, version) => String(version),
  check: (definition) => checkBannedPhrases(definition),
  normalise: (definition) => ({ phrases: [...new Set((definition as BannedPhrases).phrases.map((p) => p.trim()))] }),
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: DEFAULT_BANNED_PHRASES, inForce: true }],
};
