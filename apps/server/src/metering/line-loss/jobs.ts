// The monthly line-loss run as a job (R-MTR-04, R-MTR-05): runs as the user who started it over the
// stations it was queued for, and can run again after a restart (the month's rows are replaced).
import type { LineLossRun } from '@griddesk/shared';
import { auditActor } from '../../audit/write';
import { defineJob } from '../../platform/jobs/kind';
import { runLineLossJob } from './monthly-run';

export const lineLossJob = defineJob<{ period: string; stationIds: number[] }, LineLossRun>({
  kind: 'metering.lineloss',
  permission: 'metering.run',
  resumable: true,
  run: (ctx, p) => runLineLossJob(ctx.db, auditActor(ctx.actor), p.period, p.stationIds, undefined, { now: ctx.now, progress: ctx.progress }),
});
