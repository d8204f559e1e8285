// Every kind of versioned document griddesk knows: seeded at start, served by /api/documents.
import { METERING_POLICY, SUPPLY_RULES, TARIFFS } from '../../metering/kinds';
import { ROLE_PERMISSIONS } from '../../org/role-permissions';
import type { DocumentKind } from '../../platform/documents/kinds';
import { BANNED_PHRASES } from './banned-phrases';
import { COMMITMENT_PROFILES } from './commitment-profiles';
import { ATTACHMENT_LIMITS, RATE_LIMITS } from './limits';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  COMMITMENT_PROFILES,
  METERING_POLICY,
  TARIFFS,
  SUPPLY_RULES,
  ROLE_PERMISSIONS,
  RATE_LIMITS,
  ATTACHMENT_LIMITS,
  BANNED_PHRASES,
] as DocumentKind[];
