import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION } from '../commitments/profiles';
import { reachedLevels } from './escalation';
import type { ClockState } from './clocks';

const due = new Date('2025-06-01T14:00:00+08:00');
const clock = (over: Partial<ClockState>): ClockState => ({ rule: 'repair.lv_drop', dueAt: due, metAt: null, breached: false, usedFraction: null, ...over });
const at = (s: string) => new Date(s);

describe('R-CASE-05 escalation levels (80 % → owner, overdue → team leader, +1 day → station head)', () => {
  it.each([
    ['half the time used', clock({ usedFraction: 0.5 }), '2025-06-01T12:00:00+08:00', []],
    ['80 % used', clock({ usedFraction: 0.8 }), '2025-06-01T13:12:00+08:00', ['owner']],
    ['just overdue', clock({ usedFraction: 1.01, breached: true }), '2025-06-01T14:01:00+08:00', ['team_leader']],
    ['a day and a minute overdue', clock({ usedFraction: 7, breached: true }), '2025-06-02T14:01:00+08:00', ['team_leader', 'station_head']],
    ['met in time', clock({ usedFraction: null, metAt: at('2025-06-01T13:00:00+08:00') }), '2025-06-03T00:00:00+08:00', []],
    ['no due time (clock not started)', clock({ dueAt: null }), '2025-06-03T00:00:00+08:00', []],
  ])('%s', (_name, c, now, expected) => {
    expect(reachedLevels([c], DEFAULT_ESCALATION, at(now)).map((l) => l.notify)).toEqual(expected);
  });
});
