// The compute thread gives the same scores as the domain function on the main thread, while the
// main thread's timers keep firing.
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataset } from '@griddesk/domain/metering/synthetic';
import { scoreCustomers } from '@griddesk/domain/metering/theft';
import { compute, stopCompute } from './compute';

const input = (customers: number, days: number) =>
  makeDataset({ customers, days, thiefShare: 0.05, seed: 11, startDate: '2025-01-01' }).map((r) => ({ consNo: r.consNo, days: [...r.days] }));

describe('compute thread', () => {
  afterAll(() => stopCompute());

  it('scores theft exactly as the domain function does', async () => {
    const small = input(60, 200);
    const opts = { startDate: '2025-01-01' };
    expect(await compute('scoreTheft', small, opts)).toEqual(scoreCustomers(small, opts));
  });

  it('the main thread keeps its timers while a large scoring runs', async () => {
    const large = input(2000, 365);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const started = performance.now();
    const scores = await compute('scoreTheft', large, { startDate: '2025-01-01' });
    const took = performance.now() - started;
    clearInterval(timer);
    expect(scores).toHaveLength(2000);
    const gaps = ticks.slice(1).map((x, i) => x - ticks[i]!);
    expect(took).toBeGreaterThan(100);
    expect(ticks.length).toBeGreaterThan(took / 10 / 4);
    expect(Math.max(...gaps)).toBeLessThan(Math.max(100, took / 2));
  });

  it('an error in a task comes back as a rejection, and the thread goes on', async () => {
    await expect(compute('scoreTheft', null as never)).rejects.toThrow();
    expect(await compute('scoreTheft', [], {})).toEqual([]);
  });
});
