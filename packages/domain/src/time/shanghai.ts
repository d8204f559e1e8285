// Asia/Shanghai time without a time-zone database: mainland China has kept UTC+08:00 with no
// daylight saving since 1991, so a fixed offset is exact for every date this system handles.
// Day keys are 'YYYY-MM-DD' strings; a JS Date is only ever an instant.
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The Shanghai calendar day an instant falls on. */
export function dayKeyOf(instant: Date): string {
  const d = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parseDayKey(day: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a day key (YYYY-MM-DD): ${day}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** The instant 00:00 Shanghai time of a day. */
export function startOfDay(day: string): Date {
  const { y, m, d } = parseDayKey(day);
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS);
}

export function addDays(day: string, n: number): string {
  const { y, m, d } = parseDayKey(day);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  const { y, m, d } = parseDayKey(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Minutes since Shanghai midnight. */
export function minuteOfDay(instant: Date): number {
  const ms = (instant.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS;
  return Math.floor((ms < 0 ? ms + DAY_MS : ms) / 60_000);
}

/** ISO-8601 with the +08:00 offset and seconds, e.g. 2025-10-12T00:00:00+08:00. */
export function formatShanghai(instant: Date): string {
  const d = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
  );
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO-8601 instant. Without an offset the time is read as Shanghai local time, which is
 * what a clerk typing a time means. Returns null for anything malformed or impossible (2025-02-30).
 */
export function parseInstant(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', off] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const [Y, M, D, H, Mi, S] = parts;
  if (M < 1 || M > 12 || D < 1 || H > 23 || Mi > 59 || S > 59) return null;
  const local = Date.UTC(Y, M - 1, D, H, Mi, S, Number(frac.slice(0, 3).padEnd(3, '0')));
  if (new Date(Date.UTC(Y, M - 1, D)).getUTCDate() !== D) return null;
  let offsetMs = SHANGHAI_OFFSET_MS;
  if (off === 'Z') offsetMs = 0;
  else if (off) {
    const om = /^([+-])(\d{2}):?(\d{2})$/.exec(off)!;
    const hours = Number(om[2]);
    const mins = Number(om[3]);
    if (hours > 14 || mins > 59) return null;
    offsetMs = (om[1] === '-' ? -1 : 1) * (hours * 60 + mins) * 60_000;
  }
  return new Date(local - offsetMs);
}
