// R-PUB-03: the standard courteous phrases (文明服务用语) every message uses, and the evasive
// phrases no message may contain — the ones that send a customer elsewhere (R-CASE-03).

import { asObject, checkObject, checkTexts, type Problem } from '../policy/check';

export const BANNED_PHRASES = ['不知道', '不清楚', '请问别人去', '不属我管'] as const;

/** A customer-facing Chinese message carries at least one of these. */
export const COURTEOUS_MARKERS = ['您', '请', '谢谢'] as const;

/**
 * The banned phrases found in `text`; whitespace inside a phrase ("不 知道") does not hide it. The
 * list is policy data (the `banned-phrases` document); the four of R-PUB-03 are its default.
 */
export function checkCourteous(text: string, banned: readonly string[] = BANNED_PHRASES): string[] {
  const squeezed = text.replace(/\s+/gu, '');
  return banned.filter((p) => squeezed.includes(p.replace(/\s+/gu, '')));
}

export interface BannedPhrases {
  phrases: string[];
}

export const DEFAULT_BANNED_PHRASES: BannedPhrases = { phrases: [...BANNED_PHRASES] };

/** The list must keep the four phrases R-PUB-03 names: a station may add to them, never drop them. */
export function checkBannedPhrases(def: unknown): Problem[] {
  const out: Problem[] = [];
  if (!checkObject(def, 'definition', out)) return out;
  const phrases = asObject(def).phrases;
  checkTexts(phrases, 'definition.phrases', { min: 1, max: 200, maxLength: 20 }, out);
  if (Array.isArray(phrases)) {
    for (const p of BANNED_PHRASES) {
      if (!phrases.includes(p)) out.push({ field: 'definition.phrases', reason: `must keep "${p}"`, reasonZh: `不能删除“${p}”` });
    }
  }
  return out;
}
