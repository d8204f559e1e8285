// Ledger HTTP surface (R-LED-01..03): lists, detail, audited reveal, import, export, templates.
import { Type } from '@sinclair/typebox';
import {
  AreaRow,
  CSV_CONTENT_TYPE,
  CustomerDetail,
  CustomerListQuery,
  CustomerPage,
  CustomerParams,
  FeederRow,
  fileResponse,
  type ImportFileKind,
  ImportKindParams,
  LedgerFileFormatQuery,
  LedgerKindParams,
  LedgerListQuery,
  type LedgerKind,
  LedgerSummary,
  MeterRow,
  pageOf,
  RevealedContact,
  XLSX_CONTENT_TYPE,
} from '@griddesk/shared';
import { AppError, errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { auditActor, writeAudit } from '../audit/write';
import { type Actor, hasPermission } from '../org/actor';
import { customerMetersAndContracts, findCustomer, ledgerSummary, listAreas, listCustomers, listFeeders, listMeters, presentCustomer } from './queries';
import { exportCsv, exportRowCount, exportXlsx, templateCsv, templateXlsx } from './export';
import { createJob, jobView, runJob } from './jobs';
import type { ImportActor } from './import';

const KindParam = LedgerKindParams;
const ImportKindParam = ImportKindParams;
const FormatQuery = LedgerFileFormatQuery;
const XLSX_TYPE = XLSX_CONTENT_TYPE;

export function importActor(actor: Actor): ImportActor {
  return { audit: auditActor(actor), stationIds: actor.stationIds };
}

export function ledgerRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/ledger/summary',
    { config: { permission: 'ledger.read' }, schema: { tags: ['ledger'], summary: 'Counts of the ledger in scope', response: { 200: LedgerSummary } } },
    async (req) => {
      const actor = actorOf(req);
      return ledgerSummary(db, actor.stationIds);
    },
  );

  app.get(
    '/api/ledger/customers',
    {
      config: { permission: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary: 'Customers in scope; phone and address masked (R-LED-01, R-SYS-03)',
        querystring: CustomerListQuery,
        response: { 200: CustomerPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, offset, ...filter } = req.query;
      return listCustomers(db, actor.stationIds, filter, limit, offset);
    },
  );

  app.get(
    '/api/ledger/customers/:id',
    {
      config: { permission: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary: 'One customer with meters and contracts (masked)',
        params: CustomerParams,
        response: { 200: CustomerDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await findCustomer(db, actor.stationIds, req.params.id);
      if (!row) throw errors.notFound({ zh: '客户', en: 'Customer' });
      return { ...presentCustomer(row), ...(await customerMetersAndContracts(db, row.id)) };
    },
  );

  // R-SYS-03: revealing masked personal data is allowed to some roles only, and is itself audited.
  app.post(
    '/api/ledger/customers/:id/reveal',
    {
      config: { permission: 'personal.reveal' },
      schema: {
        tags: ['ledger'],
        summary: 'Reveal a customer’s phone and address (audited)',
        params: CustomerParams,
        response: { 200: RevealedContact },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await findCustomer(db, actor.stationIds, req.params.id);
      if (!row) throw errors.notFound({ zh: '客户', en: 'Customer' });
      await writeAudit(db, auditActor(actor), {
        entity: 'customer',
        entityId: row.id,
        action: 'reveal_personal_data',
        after: { fields: ['phone', 'address'], accountNo: row.account_no },
      });
      return { phone: row.phone, address: row.address };
    },
  );

  app.get(
    '/api/ledger/feeders',
    {
      config: { permission: 'ledger.read' },
      schema: { tags: ['ledger'], summary: 'Feeders in scope', querystring: LedgerListQuery, response: { 200: pageOf(FeederRow) } },
    },
    async (req) => {
      const actor = actorOf(req);
      return listFeeders(db, actor.stationIds, req.query.q, req.query.limit, req.query.offset);
    },
  );
  app.get(
    '/api/ledger/areas',
    {
      config: { permission: 'ledger.read' },
      schema: { tags: ['ledger'], summary: 'Transformer areas in scope', querystring: LedgerListQuery, response: { 200: pageOf(AreaRow) } },
    },
    async (req) => {
      const actor = actorOf(req);
      return listAreas(db, actor.stationIds, req.query.q, req.query.limit, req.query.offset);
    },
  );
  app.get(
    '/api/ledger/meters',
    {
      config: { permission: 'ledger.read' },
      schema: { tags: ['ledger'], summary: 'Meters in scope', querystring: LedgerListQuery, response: { 200: pageOf(MeterRow) } },
    },
    async (req) => {
      const actor = actorOf(req);
      return listMeters(db, actor.stationIds, req.query.q, req.query.limit, req.query.offset);
    },
  );

  app.get(
    '/api/ledger/templates/:kind',
    {
      config: { permission: 'ledger.import' },
      schema: {
        tags: ['ledger'],
        summary: 'Import template: CSV with machine headers, XLSX with Chinese headers',
        params: ImportKindParam,
        querystring: FormatQuery,
        produces: [CSV_CONTENT_TYPE, XLSX_TYPE],
        response: { 200: fileResponse('The template: CSV (format=csv) or XLSX (format=xlsx)', ['text/csv', XLSX_TYPE]) },
      },
    },
    async (req, reply) => {
      const kind = req.params.kind as ImportFileKind;
      if (req.query.format === 'xlsx') {
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${kind}-template.xlsx"`)
          .send(await templateXlsx(kind));
      }
      return reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', `attachment; filename="${kind}.csv"`).send(templateCsv(kind));
    },
  );

  app.get(
    '/api/ledger/export/:kind',
    {
      config: { permission: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary:
          'Export a ledger in its import format; customers’ phone and address in full only with personal.export (audited with the row count), masked otherwise',
        params: KindParam,
        querystring: FormatQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const kind = req.params.kind as LedgerKind;
      const scope = { stationIds: actor.stationIds, reveal: kind === 'customers' && hasPermission(actor, 'personal.export') };
      const rows = await exportRowCount(db, kind, actor.stationIds);
      await writeAudit(db, auditActor(actor), {
        entity: 'ledger_export',
        entityId: kind,
        action: `export.${kind}`,
        after: { format: req.query.format, rows, personalData: scope.reveal ? 'full' : 'masked' },
      });
      if (req.query.format === 'xlsx') {
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${kind}.xlsx"`)
          .send(await exportXlsx(db, kind, scope));
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${kind}.csv"`)
        .send(exportCsv(db, kind, scope));
    },
  );

  app.post(
    '/api/ledger/import/:kind',
    {
      config: { permission: 'ledger.import' },
      schema: {
        tags: ['ledger'],
        summary: 'Import a CSV or XLSX file (multipart field `file`); all-or-nothing, 422 with a row report on any bad row',
        consumes: ['multipart/form-data'],
        params: ImportKindParam,
        querystring: Type.Object({ async: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')])) }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const kind = req.params.kind as ImportFileKind;
      const file = await req.file();
      if (file?.fieldname !== 'file') {
        throw new AppError('validation_failed', '请上传文件（表单字段 file）', 'Upload the file in the multipart field "file"', [
          { field: 'file', reason: 'is required', reasonZh: '必填' },
        ]);
      }
      const data = await file.toBuffer();
      const jobId = await createJob(db, kind, file.filename, actor.id);
      if (req.query.async === '1' || req.query.async === 'true') {
        runJob(db, jobId, importActor(actor), kind, file.filename, data).catch((e) => req.log.error({ err: e, jobId }, 'import job failed'));
        return reply.status(202).send({ jobId });
      }
      const result = await runJob(db, jobId, importActor(actor), kind, file.filename, data);
      if (result.status === 'rejected') {
        const first = result.errors[0];
        throw new AppError(
          'import_rejected',
          `导入被拒绝，未写入任何数据：共 ${result.errors.length} 处错误${first ? `，首个错误在第 ${first.row} 行（第 ${first.record} 条数据）“${first.field}”列：${first.reasonZh}` : ''}`,
          `Import rejected, nothing was written: ${result.errors.length} problem(s)${first ? `; first at row ${first.row} (record ${first.record}), column "${first.field}": ${first.reason}` : ''}`,
          result.errors,
        );
      }
      return { jobId, rows: result.rows, inserted: result.inserted, updated: result.updated };
    },
  );

  app.get(
    '/api/ledger/import-jobs/:id',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['ledger'], summary: 'Progress and report of an import job', params: Type.Object({ id: Type.Integer() }) },
    },
    async (req) => {
      const view = await jobView(db, req.params.id, actorOf(req).id);
      if (!view) throw errors.notFound({ zh: '导入任务', en: 'Import job' });
      return view;
    },
  );
}
