import { describe, expect, it } from 'vitest';
import { CASE_MACHINE } from '../cases/lifecycle';
import { actionsFrom, defineMachine, isOpenState, nextState } from './machine';

describe('status machines as data (R-CASE-04)', () => {
  it.each([
    ['received', 'accept', 'accepted'],
    ['assigned', 'transfer', 'accepted'],
    ['in_progress', 'pause', 'paused'],
    ['closed', 'reopen', 'in_progress'],
    ['received', 'resolve', undefined],
    ['paused', 'resolve', undefined],
  ] as const)('R-CASE-04 case: %s --%s--> %s', (from, action, to) => {
    expect(nextState(CASE_MACHINE, from, action)).toBe(to);
  });

  it('R-CASE-04 actions come in declaration order, filtered by what the actor may do', () => {
    expect(actionsFrom(CASE_MACHINE, 'in_progress')).toEqual(['pause', 'resolve', 'transfer']);
    expect(actionsFrom(CASE_MACHINE, 'in_progress', ['cases.read'])).toEqual([]);
    expect(actionsFrom(CASE_MACHINE, 'in_progress', ['cases.write'])).toEqual(['pause', 'resolve', 'transfer']);
  });

  it('R-CASE-04 open states are where the clocks run', () => {
    expect(isOpenState(CASE_MACHINE, 'paused')).toBe(true);
    expect(isOpenState(CASE_MACHINE, 'resolved')).toBe(false);
  });

  it('a machine that moves into an unknown state is refused when it is defined', () => {
    expect(() =>
      defineMachine({
        kind: 'toy',
        states: ['a', 'b'] as const,
        initial: 'a',
        open: ['a'],
        actions: { go: { permission: 'cases.write', moves: { a: 'c' as 'b' } } },
      }),
    ).toThrow(/go moves a → c/);
  });
});
