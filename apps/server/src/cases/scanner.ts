// The deadline scan (R-CASE-05, R-CMT-12): every minute, from the database alone, so a restart
// loses nothing. It is the workflow engine's scan: only clocks whose next instant has come are
// read (an index range), their subjects re-evaluated, escalation notices queued for the levels
// reached and breach records written for deadlines missed — both idempotent.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { startPeriodic, type Periodic } from '../background';
import { systemClock, type Clock } from '../platform/clock';
import { scanWorkflow } from '../platform/workflow';
import './workflow'; // registers the case and breach kinds

export async function scanCases(db: Kysely<DB>, now: Date = systemClock.now()): Promise<{ breaches: number; notices: number }> {
  const r = await scanWorkflow(db, now);
  return { breaches: r.breaches, notices: r.notices };
}

export function startCaseScanner(db: Kysely<DB>, opts: { intervalMs: number; log: { error(o: object, msg: string): void }; clock?: Clock }): Periodic {
  const clock = opts.clock ?? systemClock;
  return startPeriodic('deadline scan', opts.intervalMs, () => scanWorkflow(db, clock.now()), opts.log);
}
