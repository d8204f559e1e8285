// R-PUB-03: the standard courteous phrases (文明服务用语) every message uses, and the evasive
// phrases no message may contain — the ones that send a customer elsewhere (R-CASE-03).

export const BANNED_PHRASES = ['不知道', '不清楚', '请问别人去', '不属我管'] as const;

/** A customer-facing Chinese message carries at least one of these. */
export const COURTEOUS_MARKERS = ['您', '请', '谢谢'] as const;

/** The banned phrases found in `text`; whitespace inside a phrase ("不 知道") does not hide it. */
export function checkCourteous(text: string): string[] {
  const squeezed = text.replace(/\s+/gu, '');
  return BANNED_PHRASES.filter((p) => squeezed.includes(p));
}
