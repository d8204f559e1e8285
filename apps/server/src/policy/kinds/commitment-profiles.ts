// Commitment profiles (R-CMT-01) as versioned documents: one profile is in force for new cases;
// every case keeps the version it was opened under.
import { BUILTIN_PROFILES, type CommitmentProfile } from '@griddesk/domain';
import type { DocumentKind } from '../../platform/documents/kinds';
import { checkProfileDefinition } from '../validate';

const stamp = (definition: unknown, key: string, version: number): unknown =>
  typeof definition === 'object' && definition !== null && !Array.isArray(definition) ? { ...definition, id: key, version } : definition;

export const COMMITMENT_PROFILES: DocumentKind<CommitmentProfile> = {
  kind: 'commitment-profile',
  label: { zh: '承诺方案', en: 'Commitment profile' },
  keyed: true,
  keyPattern: /^[a-z0-9-]{1,40}$/,
  readPermission: 'signed-in',
  inForce: 'kind',
  auditEntity: 'commitment_profile',
  auditId: (key, version) => `${key}@${version}`,
  check: (definition) => checkProfileDefinition(definition),
  normalise: (definition, key, version) => stamp(definition, key, version) as CommitmentProfile,
  stamp,
  shipped: () => BUILTIN_PROFILES.map((p) => ({ key: p.id, version: p.version, definition: p, inForce: p.id === 'seed' })),
};
