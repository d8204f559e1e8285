import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar';
import { SEED_PROFILE, SGCC_2011_PROFILE } from '../commitments/profiles';
import { caseClocks, pausesOf, type CaseEventLike } from './clocks';

const cal = chinaCalendar();
const at = (s: string) => new Date(s);
const ev = (action: CaseEventLike['action'], when: string): CaseEventLike => ({ action, at: at(when) });

describe('case clocks (R-CASE-04, R-CMT-03, R-CMT-10, R-CMT-12)', () => {
  it('a complaint runs accept (3 d) and feedback (15 d) clocks, met by accept and resolve', () => {
    const clocks = caseClocks(
      SEED_PROFILE,
      cal,
      {
        type: 'complaint',
        receivedAt: at('2025-09-30T10:00:00+08:00'),
        events: [ev('register', '2025-09-30T10:00:00+08:00'), ev('accept', '2025-10-05T09:00:00+08:00'), ev('resolve', '2025-10-10T09:00:00+08:00')],
      },
      at('2025-10-20T00:00:00+08:00'),
    );
    expect(clocks.map((c) => [c.rule, c.dueAt?.toISOString(), c.metAt?.toISOString(), c.breached])).toEqual([
      ['complaint.accept', '2025-10-03T16:00:00.000Z', '2025-10-05T01:00:00.000Z', true],
      ['complaint.feedback', '2025-10-15T16:00:00.000Z', '2025-10-10T01:00:00.000Z', false],
    ]);
  });

  it('the profile decides the clocks: sgcc-2011 counts working days for the same complaint', () => {
    const clocks = caseClocks(
      SGCC_2011_PROFILE,
      cal,
      { type: 'complaint', receivedAt: at('2025-09-30T10:00:00+08:00'), events: [] },
      at('2025-09-30T11:00:00+08:00'),
    );
    expect(clocks.map((c) => [c.rule, c.dueAt?.toISOString()])).toEqual([
      ['complaint.contact', '2025-10-09T16:00:00.000Z'],
      ['complaint.reply', '2025-10-16T16:00:00.000Z'], // 9, 10, 11 (make-up Saturday), 13–16 October
    ]);
  });

  it('a fault repair follows its fault class and area, and pauses stop it', () => {
    const facts = {
      type: 'fault_repair' as const,
      faultClass: 'lv_drop' as const,
      area: 'urban' as const,
      receivedAt: at('2025-06-01T10:00:00+08:00'),
      events: [ev('pause', '2025-06-01T11:00:00+08:00'), ev('resume', '2025-06-01T12:00:00+08:00')],
    };
    const [c] = caseClocks(SEED_PROFILE, cal, facts, at('2025-06-01T12:30:00+08:00'));
    expect(c!.dueAt!.toISOString()).toBe('2025-06-01T07:00:00.000Z'); // 14:00 + 1 h paused, Shanghai
    expect(c!.usedFraction).toBeCloseTo(2.5 / 5, 5);
  });

  it('a meter test clock starts only when the fee is paid', () => {
    const base = { type: 'meter_test' as const, receivedAt: at('2025-03-03T10:00:00+08:00'), events: [] };
    expect(caseClocks(SEED_PROFILE, cal, base, at('2025-03-20T00:00:00+08:00'))[0]).toMatchObject({ dueAt: null, breached: false });
    const paid = caseClocks(SEED_PROFILE, cal, { ...base, feePaidAt: at('2025-03-05T09:00:00+08:00') }, at('2025-03-20T00:00:00+08:00'))[0]!;
    expect(paid.dueAt!.toISOString()).toBe('2025-03-12T16:00:00.000Z');
    expect(paid.breached).toBe(true);
  });

  it('pause/resume pairs become intervals, a running pause stays open', () => {
    expect(pausesOf([ev('pause', '2025-01-01T01:00:00Z'), ev('resume', '2025-01-01T02:00:00Z'), ev('pause', '2025-01-01T03:00:00Z')])).toEqual([
      { from: at('2025-01-01T01:00:00Z'), to: at('2025-01-01T02:00:00Z') },
      { from: at('2025-01-01T03:00:00Z'), to: null },
    ]);
  });

  it('a case type without clocks in the profile has none (consultation)', () => {
    expect(caseClocks(SEED_PROFILE, cal, { type: 'consultation', receivedAt: at('2025-01-01T00:00:00Z'), events: [] }, at('2025-01-02T00:00:00Z'))).toEqual([]);
  });
});
