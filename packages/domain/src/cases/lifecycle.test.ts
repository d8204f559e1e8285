import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES } from '@griddesk/shared';
import { allowedActions, nextStatus } from './lifecycle';

describe('R-CASE-04 the closed loop', () => {
  it('the happy path leads from received to closed', () => {
    let s: (typeof CASE_STATUSES)[number] = 'received';
    for (const a of ['accept', 'assign', 'start', 'resolve', 'callback', 'close'] as const) s = nextStatus(s, a)!;
    expect(s).toBe('closed');
  });

  it.each([
    ['in_progress', 'pause', 'paused'],
    ['paused', 'resume', 'in_progress'],
    ['resolved', 'reopen', 'in_progress'],
    ['closed', 'reopen', 'in_progress'],
    ['assigned', 'transfer', 'accepted'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('no action skips a step: a case cannot be resolved before it is started, nor closed before the callback', () => {
    expect(nextStatus('received', 'resolve')).toBeUndefined();
    expect(nextStatus('resolved', 'close')).toBeUndefined();
    expect(nextStatus('paused', 'resolve')).toBeUndefined();
  });

  it('every status has a way on, and every action is used somewhere', () => {
    for (const s of CASE_STATUSES) expect(allowedActions(s).length).toBeGreaterThan(0);
    const used = new Set(CASE_STATUSES.flatMap((s) => allowedActions(s)));
    expect([...used].sort()).toEqual([...CASE_ACTIONS].sort());
  });
});
