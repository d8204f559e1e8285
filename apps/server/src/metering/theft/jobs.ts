// Theft screening as a job (R-MTR-06): runs as the user who started it over the stations it was
// queued for; after a restart it runs again as a new screening run.
import type { TheftRunResult } from '@griddesk/shared';
import { auditActor } from '../../audit/write';
import { defineJob } from '../../platform/jobs/kind';
import { runTheftScreening } from './screening';

export const theftScreeningJob = defineJob<{ period?: string; stationIds: number[] }, TheftRunResult>({
  kind: 'metering.theft',
  permission: 'metering.theft',
  resumable: true,
  run: (ctx, p) => runTheftScreening(ctx.db, auditActor(ctx.actor), p.stationIds, { ...(p.period ? { period: p.period } : {}), progress: ctx.progress }),
});
