// The metering jobs: theft screening (R-MTR-06), the monthly line-loss run (R-MTR-04, R-MTR-05) and
// the bill computation (R-MTR-03). Each runs as the user who started it, over the stations the job
// was queued for, and can run again after a restart (a new screening run; line-loss rows replaced;
// bills upserted, unchanged ones left alone).
import type { BillComputeResult, LineLossRun, TheftRunResult } from '@griddesk/shared';
import { auditActor } from '../audit/write';
import { defineJob } from '../platform/jobs/kind';
import { computeBills } from './billing/bills';
import { runLineLossJob } from './line-loss/job';
import { runTheftScreening } from './theft/screening';

const who = (actor: Parameters<typeof auditActor>[0]) => auditActor(actor);

export const theftScreeningJob = defineJob<{ period?: string; stationIds: number[] }, TheftRunResult>({
  kind: 'metering.theft',
  permission: 'metering.theft',
  resumable: true,
  run: (ctx, p) => runTheftScreening(ctx.db, who(ctx.actor), p.stationIds, { ...(p.period ? { period: p.period } : {}), progress: ctx.progress }),
});

export const lineLossJob = defineJob<{ period: string; stationIds: number[] }, LineLossRun>({
  kind: 'metering.lineloss',
  permission: 'metering.run',
  resumable: true,
  run: (ctx, p) => runLineLossJob(ctx.db, who(ctx.actor), p.period, p.stationIds, undefined, { now: ctx.now, progress: ctx.progress }),
});

export const billsJob = defineJob<{ period: string; stationIds: number[] }, BillComputeResult>({
  kind: 'metering.bills',
  permission: 'metering.run',
  resumable: true,
  run: (ctx, p) => computeBills(ctx.db, who(ctx.actor), p.period, p.stationIds, { progress: ctx.progress }),
});
