// Rate limits of the public entry points and the limits on case evidence, as policy documents.
import {
  type AttachmentLimits,
  checkAttachmentLimits,
  checkRateLimits,
  DEFAULT_ATTACHMENT_LIMITS,
  DEFAULT_RATE_LIMITS,
  pickAttachmentLimits,
  pickRateLimits,
  type RateLimits,
} from '@griddesk/domain/policy/limits';
import { DEFAULT_KEY, type DocumentKind } from '../../platform/documents/kinds';

export const RATE_LIMITS: DocumentKind<RateLimits> = {
  kind: 'rate-limits',
  label: { zh: '访问频率限制', en: 'Rate limits' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'policy.write',
  inForce: 'key',
  auditEntity: 'rate_limits',
  auditId: (_key, version) => String(version),
  check: (definition) => checkRateLimits(definition),
  normalise: (definition) => pickRateLimits(definition),
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: DEFAULT_RATE_LIMITS, inForce: true }],
};

export const ATTACHMENT_LIMITS: DocumentKind<AttachmentLimits> = {
  kind: 'attachment-limits',
  label: { zh: '附件限制', en: 'Attachment limits' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'signed-in',
  inForce: 'key',
  auditEntity: 'attachment_limits',
  auditId: (_key, version) => String(version),
  check: (definition) => checkAttachmentLimits(definition),
  normalise: (definition) => pickAttachmentLimits(definition),
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: DEFAULT_ATTACHMENT_LIMITS, inForce: true }],
};
