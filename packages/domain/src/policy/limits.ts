// Limits an administrator may tune, shipped with these defaults: how often the public may try a
// sign-in, a portal submission, a case lookup or a bill query (per client and minute), and how
// large evidence attached to a case may be. Kept as policy documents.
import { asObject, checkNumber, checkObject, type Problem } from './check';

export interface RateLimits {
  /** sign-in attempts per client address and username */
  loginPerMinute: number;
  /** portal case submissions per client address */
  portalSubmitPerMinute: number;
  /** portal case lookups by query code per client address */
  portalTrackPerMinute: number;
  /** portal bill queries per client address (each guesses an account's phone digits) */
  billQueryPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { loginPerMinute: 10, portalSubmitPerMinute: 10, portalTrackPerMinute: 60, billQueryPerMinute: 5 };

export function checkRateLimits(def: unknown): Problem[] {
  const out: Problem[] = [];
  if (!checkObject(def, 'definition', out)) return out;
  const d = asObject(def);
  for (const k of Object.keys(DEFAULT_RATE_LIMITS) as (keyof RateLimits)[]) checkNumber(d[k], `definition.${k}`, 1, 10_000, out, true);
  return out;
}

export function pickRateLimits(def: unknown): RateLimits {
  const d = asObject(def);
  const pick = (k: keyof RateLimits) => (typeof d[k] === 'number' ? (d[k] as number) : DEFAULT_RATE_LIMITS[k]);
  return {
    loginPerMinute: pick('loginPerMinute'),
    portalSubmitPerMinute: pick('portalSubmitPerMinute'),
    portalTrackPerMinute: pick('portalTrackPerMinute'),
    billQueryPerMinute: pick('billQueryPerMinute'),
  };
}

export interface AttachmentLimits {
  /** largest file attached to a case, in bytes */
  maxBytes: number;
  /** files one case may carry */
  maxPerCase: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxBytes: 10 * 1024 * 1024, maxPerCase: 50 };

export function checkAttachmentLimits(def: unknown): Problem[] {
  const out: Problem[] = [];
  if (!checkObject(def, 'definition', out)) return out;
  const d = asObject(def);
  checkNumber(d.maxBytes, 'definition.maxBytes', 1024, 100 * 1024 * 1024, out, true);
  checkNumber(d.maxPerCase, 'definition.maxPerCase', 1, 1000, out, true);
  return out;
}

export function pickAttachmentLimits(def: unknown): AttachmentLimits {
  const d = asObject(def);
  return {
    maxBytes: typeof d.maxBytes === 'number' ? d.maxBytes : DEFAULT_ATTACHMENT_LIMITS.maxBytes,
    maxPerCase: typeof d.maxPerCase === 'number' ? d.maxPerCase : DEFAULT_ATTACHMENT_LIMITS.maxPerCase,
  };
}
