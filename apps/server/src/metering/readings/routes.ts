// Reading quality over HTTP (R-MTR-01, R-MTR-02, R-MTR-06): the flags of a month, the actual-reading
// rate per station and team, and the import of daily consumption series. Limited to the actor's stations.
import { DailyImportResult, MeteringMonthQuery, ReadingFlags, ReadingRates } from '@griddesk/shared';
import { AppError, errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import { auditActor } from '../../audit/write';
import { activeMeteringPolicy } from '../policy-repo';
import { readingFlags } from './flags';
import { readingRates } from './reading-rates';
import { importDailyConsumption } from './daily-import';

export function readingRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/metering/reading-flags',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Reading quality flags of a month: estimated, missed, wrong, duplicate',
        querystring: MeteringMonthQuery,
        response: { 200: ReadingFlags },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { policy } = await activeMeteringPolicy(db);
      const items = await readingFlags(db, req.query.period, actor.stationIds, policy.readingFlags);
      return { period: req.query.period, items, total: items.length };
    },
  );

  app.get(
    '/api/metering/reading-rates',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Actual-reading rate (实抄率) per station and team, residential and non-residential (R-MTR-02)',
        querystring: MeteringMonthQuery,
        response: { 200: ReadingRates },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const items = await readingRates(db, req.query.period, actor.stationIds);
      return { period: req.query.period, items, total: items.length };
    },
  );

  app.post(
    '/api/metering/daily-consumption',
    {
      config: { permission: 'metering.run' },
      schema: {
        tags: ['metering'],
        summary: 'Import daily consumption series (SGCC layout: CONS_NO, optional FLAG, one column per date); all-or-nothing',
        consumes: ['multipart/form-data'],
        response: { 200: DailyImportResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const file = await req.file();
      if (file?.fieldname !== 'file') throw errors.validation([{ field: 'file', reason: 'is required', reasonZh: '必填' }]);
      const result = await importDailyConsumption(db, auditActor(actor), actor.stationIds, file.filename, (await file.toBuffer()).toString('utf8'));
      if (result.status === 'rejected') {
        const first = result.errors[0]!;
        throw new AppError(
          'import_rejected',
          `导入被拒绝，未写入任何数据：共 ${result.errors.length} 处错误，首个在第 ${first.row} 行“${first.field}”：${first.reasonZh}`,
          `Import rejected, nothing was written: ${result.errors.length} problem(s); first at row ${first.row}, "${first.field}": ${first.reason}`,
          result.errors,
        );
      }
      return { status: 'succeeded' as const, rows: result.rows, inserted: result.inserted, updated: result.updated };
    },
  );
}
