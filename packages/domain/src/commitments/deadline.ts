// The deadline contract (issue 3, R-CMT-02, R-CMT-10, R-CMT-11). A deadline is a pure function of
// (start, rule, calendar, pause history, area): recomputed whenever needed, never patched.
import { nthWorkdayAfter, type Calendar } from '../calendar/calendar';
import { addDays, dayKeyOf, minuteOfDay, startOfDay } from '../time/shanghai';
import { areaMinutes, type CommitmentProfile, type CommitmentRule, type ServiceArea } from './rules';

export interface Pause {
  from: Date;
  /** null while the pause is still running */
  to: Date | null;
}

export interface DeadlineContext {
  calendar: Calendar;
  area?: ServiceArea;
  pauses?: readonly Pause[];
  /** closes a running pause at this instant; without it a running pause leaves no due time */
  asOf?: Date;
  dayWindow?: CommitmentProfile['dayWindow'];
}

const MINUTE = 60_000;

function hhmm(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`day window time must be HH:MM: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Is the instant inside the day window (start inclusive, end exclusive), Shanghai time? */
export function isDaytime(instant: Date, window: CommitmentProfile['dayWindow']): boolean {
  const m = minuteOfDay(instant);
  const start = hhmm(window.start);
  const end = hhmm(window.end);
  return start <= end ? m >= start && m < end : m >= start || m < end;
}

/** Total paused time after `start`, overlapping pauses counted once; null if one is still running. */
export function pausedMsAfter(start: Date, pauses: readonly Pause[], asOf?: Date): number | null {
  const spans: [number, number][] = [];
  for (const p of pauses) {
    const to = p.to ?? asOf;
    if (!to) return null;
    const a = Math.max(p.from.getTime(), start.getTime());
    const b = Math.max(to.getTime(), a);
    if (b > a) spans.push([a, b]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (const [a, b] of spans) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else curB = Math.max(curB, b);
  }
  if (curB > curA) total += curB - curA;
  return total;
}

/** The allowed minutes of a minute-clock rule for this start and area (day/night and area fixed at the start). */
export function allowedMinutes(rule: CommitmentRule & { clock: 'minutes' }, start: Date, ctx: DeadlineContext): number {
  const area = ctx.area ?? 'urban';
  const night = rule.nightMinutes !== undefined && !isDaytime(start, ctx.dayWindow ?? { start: '08:00', end: '20:00' });
  const base = areaMinutes(night ? rule.nightMinutes! : rule.minutes, area);
  return base + (area !== 'urban' ? (rule.extraOutsideUrbanMinutes ?? 0) : 0);
}

/**
 * When the rule's promise falls due for a clock started at `start`. For lead-time rules `start`
 * is the event (the outage start) and the result is the latest compliant notice instant.
 * Returns null only while a pause is running and no `asOf` is given.
 */
export function dueAt(rule: CommitmentRule, start: Date, ctx: DeadlineContext): Date | null {
  switch (rule.clock) {
    case 'calendar_days':
      return startOfDay(addDays(dayKeyOf(start), rule.days + 1));
    case 'working_days':
      return startOfDay(addDays(nthWorkdayAfter(ctx.calendar, dayKeyOf(start), rule.days), 1));
    case 'minutes': {
      const paused = rule.pausable ? pausedMsAfter(start, ctx.pauses ?? [], ctx.asOf) : 0;
      if (paused === null) return null;
      return new Date(start.getTime() + allowedMinutes(rule, start, ctx) * MINUTE + paused);
    }
    case 'lead_minutes':
      return new Date(start.getTime() - rule.minutes * MINUTE);
  }
}
