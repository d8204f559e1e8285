// R-SYS-03: a notification's recipient is personal data; lists and logs show it masked.
import { maskPhone } from '../org/mask';

/** `13812345678` → `138****5678`, `zhang.san@example.cn` → `zh***@example.cn`; other references unchanged. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient.slice(0, Math.min(2, at))}***${recipient.slice(at)}`;
  if (/^\+?[\d\s-]{5,}$/.test(recipient)) return maskPhone(recipient) ?? recipient;
  return recipient;
}
