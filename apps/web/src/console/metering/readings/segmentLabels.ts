import type { Translate } from '../../../i18n';

/** 31 is stored for "the last day", which in a short month is the 28th, 29th or 30th. */
export const LAST_DAY = 31;

export function readingDayLabel(t: Translate, day: number | null): string {
  if (day === null) return '—';
  return day === LAST_DAY ? t('schedule.lastDay') : t('schedule.dayOfMonth', { n: day });
}
