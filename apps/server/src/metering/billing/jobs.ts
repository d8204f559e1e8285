// The bill computation as a job (R-MTR-03): runs as the user who started it over the stations it was
// queued for, and can run again after a restart (bills upserted, unchanged ones left alone).
import type { BillComputeResult } from '@griddesk/shared';
import { auditActor } from '../../audit/write';
import { defineJob } from '../../platform/jobs/kind';
import { computeBills } from './bills';

export const billsJob = defineJob<{ period: string; stationIds: number[] }, BillComputeResult>({
  kind: 'metering.bills',
  permission: 'metering.run',
  resumable: true,
  run: (ctx, p) => computeBills(ctx.db, auditActor(ctx.actor), p.period, p.stationIds, { progress: ctx.progress }),
});
