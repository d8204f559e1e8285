import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar';
import { reachedLevels } from '../cases/escalation';
import { DEFAULT_ESCALATION, SEED_PROFILE, SGCC_2011_PROFILE } from '../commitments/profiles';
import { evaluateClocks, type ClockSpec, type HistoryEvent } from './clocks';
import { effectiveDue, leadIndex, levelWindow, projectClock } from './schedule';

const cal = chinaCalendar();
const at = (s: string) => new Date(s);
const ev = (action: string, when: string): HistoryEvent => ({ action, at: at(when) });
const repair: ClockSpec[] = [{ rule: 'repair.lv_drop', startsOn: 'opened', metBy: 'resolve' }];
const opened = at('2025-06-01T10:00:00+08:00'); // day: 4 h to restore a service drop (R-CMT-10)
const clockAt = (now: string, events: HistoryEvent[] = []) => evaluateClocks(SEED_PROFILE, cal, repair, { openedAt: opened, events }, at(now))[0]!;
const project = (now: string, events: HistoryEvent[] = [], previous?: { dueAt: Date | null; level: number }, notify = true) =>
  projectClock(clockAt(now, events), at(now), { open: true, levels: DEFAULT_ESCALATION, previous, notify });

describe('R-CASE-05 escalation windows', () => {
  it.each([
    ['80 % of 4 h after 10:00', 0, '2025-06-01T13:12:00+08:00', '2025-06-01T14:00:00+08:00'],
    ['just past the deadline', 1, '2025-06-01T14:00:00.001+08:00', null],
    ['a day past the deadline', 2, '2025-06-02T14:00:00.001+08:00', null],
  ] as const)('%s', (_n, level, from, until) => {
    const w = levelWindow(DEFAULT_ESCALATION[level]!, opened, at('2025-06-01T14:00:00+08:00'));
    expect([w.from.toISOString(), w.until?.toISOString() ?? null]).toEqual([at(from).toISOString(), until && at(until).toISOString()]);
  });
});

describe('clock projection (R-CASE-05, R-CMT-10, R-CMT-12)', () => {
  it.each([
    // name, now, events, previous level, → level, nextAt, levels notified now
    ['fresh: next is the 80 % reminder', '2025-06-01T10:00:00+08:00', [], -1, -1, '2025-06-01T13:12:00+08:00', []],
    ['at 80 %: the owner is reminded, next is the deadline', '2025-06-01T13:12:00+08:00', [], -1, 0, '2025-06-01T14:00:00.001+08:00', [0]],
    ['reminded already: nothing new, next is the deadline', '2025-06-01T13:30:00+08:00', [], 0, 0, '2025-06-01T14:00:00.001+08:00', []],
    ['overdue: the team leader; the station head a day later', '2025-06-01T15:00:00+08:00', [], 0, 1, '2025-06-02T14:00:00.001+08:00', [1]],
    ['scan missed the 80 % moment: it is not sent late', '2025-06-01T14:30:00+08:00', [], -1, 1, '2025-06-02T14:00:00.001+08:00', [1]],
    ['two days late: both overdue levels at once, then nothing', '2025-06-03T15:00:00+08:00', [], -1, 2, null, [1, 2]],
    ['met: nothing more', '2025-06-01T15:00:00+08:00', [ev('resolve', '2025-06-01T12:00:00+08:00')], -1, -1, null, []],
    ['paused: nothing runs', '2025-06-01T15:00:00+08:00', [ev('pause', '2025-06-01T11:00:00+08:00')], -1, -1, null, []],
  ] as const)('R-CASE-05 %s', (_n, now, events, prev, level, nextAt, reached) => {
    const previous = { dueAt: clockAt(now, [...events]).paused ? clockAt(now, [...events]).frozenDueAt : clockAt(now, [...events]).dueAt, level: prev };
    const p = project(now, [...events], previous);
    expect([p.row.level, p.row.nextAt?.toISOString() ?? null, p.reached]).toEqual([level, nextAt && at(nextAt).toISOString(), [...reached]]);
  });

  it('R-CASE-05 an event only schedules: a level already due is left to the scan (nextAt in the past)', () => {
    const p = project('2025-06-01T13:30:00+08:00', [], undefined, false);
    expect(p.reached).toEqual([]);
    expect(p.row.nextAt?.toISOString()).toBe(at('2025-06-01T13:12:00+08:00').toISOString());
  });

  it('R-CMT-10 a running pause freezes the stored due instant; it moves on by the time paused', () => {
    const events = [ev('pause', '2025-06-01T11:00:00+08:00')];
    const c = clockAt('2025-06-01T12:30:00+08:00', events);
    expect(c.paused).toBe(true);
    expect(c.frozenDueAt!.toISOString()).toBe(at('2025-06-01T14:00:00+08:00').toISOString());
    expect(c.dueAt!.toISOString()).toBe(at('2025-06-01T15:30:00+08:00').toISOString());
    const row = project('2025-06-01T12:30:00+08:00', events).row;
    expect(effectiveDue(row, at('2025-06-01T12:30:00+08:00'))!.toISOString()).toBe(c.dueAt!.toISOString());
  });

  it('R-CASE-05 a deadline moved by a pause re-arms its reminders (the level resets)', () => {
    const events = [ev('pause', '2025-06-01T11:00:00+08:00'), ev('resume', '2025-06-01T12:00:00+08:00')];
    const p = project('2025-06-01T12:00:00+08:00', events, { dueAt: at('2025-06-01T14:00:00+08:00'), level: 0 }, false);
    expect(p.row.dueAt!.toISOString()).toBe(at('2025-06-01T15:00:00+08:00').toISOString());
    expect(p.row.level).toBe(-1);
  });

  it('R-CMT-02 a working-day clock is marked as bound to the calendar; a calendar-day one is not', () => {
    const specs: ClockSpec[] = [{ rule: 'complaint.contact', startsOn: 'opened', metBy: 'accept' }];
    expect(evaluateClocks(SGCC_2011_PROFILE, cal, specs, { openedAt: opened, events: [] }, opened)[0]!.calendarBound).toBe(true);
    expect(clockAt('2025-06-01T10:00:00+08:00').calendarBound).toBe(false);
  });

  it('R-CMT-12 a subject kind whose deadline records no breach schedules only its levels', () => {
    const c = clockAt('2025-06-01T13:30:00+08:00');
    const p = projectClock(c, at('2025-06-01T13:30:00+08:00'), { open: true, levels: [], notify: true, breachInstant: false });
    expect(p.row.nextAt).toBeNull();
    expect(projectClock(c, at('2025-06-01T13:30:00+08:00'), { open: false, levels: DEFAULT_ESCALATION, notify: true }).row.nextAt).toBeNull();
  });

  it('R-CASE-05 property: after a scan nothing is due before the next instant, and the scan agrees with reachedLevels', () => {
    const start = opened.getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 86_400_000 }), fc.integer({ min: -1, max: 2 }), (offset, prevLevel) => {
        const now = new Date(start + offset);
        const c = evaluateClocks(SEED_PROFILE, cal, repair, { openedAt: opened, events: [] }, now)[0]!;
        const p = projectClock(c, now, { open: true, levels: DEFAULT_ESCALATION, previous: { dueAt: c.dueAt, level: prevLevel }, notify: true });
        if (p.row.nextAt) expect(p.row.nextAt.getTime()).toBeGreaterThan(now.getTime());
        const expected = reachedLevels([c], DEFAULT_ESCALATION, now)
          .map((l) => l.level)
          .filter((l) => l > prevLevel);
        expect(p.reached).toEqual(expected);
      }),
    );
  });
});

describe('R-CASE-05 the clock that leads a subject in the inbox', () => {
  const r = (due: string | null, o: { met?: boolean; paused?: boolean } = {}) => ({
    dueAt: due ? at(due) : null,
    metAt: o.met ? at('2025-01-01T00:00:00Z') : null,
    paused: o.paused ?? false,
  });
  it.each([
    ['the running clock due first', [r('2025-06-03T00:00:00Z'), r('2025-06-02T00:00:00Z')], true, 1],
    ['a met clock does not lead', [r('2025-06-01T00:00:00Z', { met: true }), r('2025-06-02T00:00:00Z')], true, 1],
    ['a paused clock does not run', [r('2025-06-01T00:00:00Z', { paused: true })], true, -1],
    ['a clock not started has no deadline', [r(null)], true, -1],
    ['a closed subject leads nothing', [r('2025-06-01T00:00:00Z')], false, -1],
  ] as const)('%s', (_n, rows, open, expected) => {
    expect(leadIndex(rows, open)).toBe(expected);
  });
});
