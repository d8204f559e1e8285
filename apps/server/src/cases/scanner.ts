// The deadline scan (R-CASE-05, R-CMT-12): every minute, from the database alone, so a restart
// loses nothing — breach records for clocks that ran out, and escalation notices for the levels
// reached. Both are idempotent (unique breach per case and rule; dedupe keys on notices).
import type { Kysely } from 'kysely';
import { reachedLevels } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { ClockContext, loadCaseRows, loadEvents } from './repo';
import { notifyEscalation } from './notices';
import { syncBreaches } from './service';
import { startPeriodic, type Periodic } from '../background';

const OPEN = ['received', 'accepted', 'assigned', 'in_progress', 'paused'];

export async function scanCases(db: Kysely<DB>, now = new Date()): Promise<{ breaches: number; notices: number }> {
  return db.transaction().execute(async (tx) => {
    const breaches = await syncBreaches(tx, 'open', now);
    const rows = await loadCaseRows(tx, { statuses: OPEN });
    const events = await loadEvents(
      tx,
      rows.map((r) => r.id),
    );
    const ctx = new ClockContext(tx, now);
    let notices = 0;
    for (const row of rows) {
      const { profile, clocks } = await ctx.clocks(row, events.get(row.id) ?? []);
      for (const level of reachedLevels(clocks, profile.escalation, now)) {
        const clock = clocks.find((c) => c.rule === level.rule);
        notices += await notifyEscalation(tx, row, profile, level, clock?.usedFraction ?? null);
      }
    }
    return { breaches, notices };
  });
}

export function startCaseScanner(db: Kysely<DB>, opts: { intervalMs: number; log: { error(o: object, msg: string): void } }): Periodic {
  return startPeriodic('case deadline scan', opts.intervalMs, () => scanCases(db), opts.log);
}
