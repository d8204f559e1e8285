// Stations work in Beijing time whatever the browser's zone is; numbers use Chinese grouping in both languages.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const STATION_TZ = 'Asia/Shanghai';

const numberFormat = new Intl.NumberFormat('zh-CN');

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).tz(STATION_TZ).format('YYYY-MM-DD HH:mm');
}

/** Calendar dates (contract dates) carry no time of day, so no zone conversion applies. */
export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}

/** PostgreSQL numerics may arrive as strings; both are formatted alike. */
export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? numberFormat.format(n) : String(value);
}

/** Whole station days as a half-open interval of instants [first 00:00, day after last 00:00). */
export function stationDayRange(firstDay: string, lastDay: string): { from: string; to: string } {
  return {
    from: dayjs.tz(firstDay, STATION_TZ).toISOString(),
    to: dayjs.tz(lastDay, STATION_TZ).add(1, 'day').toISOString(),
  };
}

/** Money is kept in integer fen; people read yuan with two decimals. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A wall-clock time picked on screen means Beijing time whatever the browser's zone: sent as ISO with +08:00. */
export function shanghaiInstant(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), STATION_TZ).format();
}

/** Now as a Beijing wall-clock value, for pickers' defaults and limits. */
export function stationNow(): Dayjs {
  return dayjs(dayjs().tz(STATION_TZ).format('YYYY-MM-DDTHH:mm:ss'));
}

/**
 * Energy in kWh with thousands separators and two decimals. The server sends decimal strings;
 * they are regrouped as text so that a large figure is never rounded through a float.
 */
export function formatKwh(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return String(value);
  const [, sign, whole, decimals = ''] = m;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals.padEnd(2, '0').slice(0, Math.max(2, decimals.length))}`;
}

/** A fraction (number or decimal string, 0.0523) as a percentage with two decimals: 5.23 %. */
export function formatRate(fraction: number | string | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || fraction === '') return '—';
  const n = Number(fraction);
  return Number.isFinite(n) ? `${(n * 100).toFixed(digits)} %` : String(fraction);
}

/** A change (fraction) as a signed percentage: +61.60 % or -47.94 %; no change has no sign. */
export function formatChange(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const text = Math.abs(fraction * 100).toFixed(digits);
  const sign = Number(text) === 0 ? '' : fraction > 0 ? '+' : '-';
  return `${sign}${text} %`;
}
