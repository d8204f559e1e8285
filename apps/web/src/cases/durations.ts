// Durations in words for clocks and countdowns: "剩余 3 小时" / "超期 2 天 4 小时".
import type { Text } from '../i18n';

/** The two largest non-zero units of a duration: days and hours, or hours and minutes. */
export function durationWords(minutes: number): Text {
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) {
    return h > 0 ? { zh: `${d} 天 ${h} 小时`, en: `${d} d ${h} h` } : { zh: `${d} 天`, en: `${d} d` };
  }
  if (h > 0) {
    return m > 0 ? { zh: `${h} 小时 ${m} 分钟`, en: `${h} h ${m} min` } : { zh: `${h} 小时`, en: `${h} h` };
  }
  return { zh: `${m} 分钟`, en: `${m} min` };
}

/** Time left before a deadline, or how far past it: negative minutes are overdue. */
export function timeLeftWords(minutes: number): Text {
  const span = durationWords(minutes);
  return minutes < 0 ? { zh: `超期 ${span.zh}`, en: `${span.en} overdue` } : { zh: `剩余 ${span.zh}`, en: `${span.en} left` };
}

/** Minutes from now until an ISO instant (negative when it has passed). */
export function minutesUntil(iso: string, now: number = Date.now()): number {
  return Math.floor((Date.parse(iso) - now) / 60_000);
}
