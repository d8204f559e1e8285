// Ledger enumerations, the machine CSV headers of every import format, and the ledger API's
// request and answer schemas (R-LED-01..03).
import { type Static, Type } from '@sinclair/typebox';
import { ApiErrorFieldSchema, Count, Decimal, IsoDay, Nullable, pageOf, pagingFields, RowId } from './api';
import { JobFile } from './jobs';

export const CUSTOMER_CLASSES = ['residential', 'non_residential'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];
export const VOLTAGE_LEVELS = ['LV', 'HV'] as const;
export type VoltageLevel = (typeof VOLTAGE_LEVELS)[number];
export const METER_ROLES = ['customer', 'area', 'gateway'] as const;
export type MeterRole = (typeof METER_ROLES)[number];

export const LEDGER_KINDS = ['feeders', 'areas', 'customers', 'meters'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  required: boolean;
}

/** Column order is the CSV header order; `zh` is the XLSX template header. */
export const LEDGER_COLUMNS: Record<LedgerKind, readonly ColumnDef[]> = {
  feeders: [
    { key: 'feeder_code', zh: '线路编号', en: 'Feeder code', required: true },
    { key: 'name', zh: '线路名称', en: 'Feeder name', required: true },
    { key: 'station_code', zh: '供电所编号', en: 'Station code', required: true },
  ],
  areas: [
    { key: 'area_code', zh: '台区编号', en: 'Area code', required: true },
    { key: 'name', zh: '台区名称', en: 'Area name', required: true },
    { key: 'feeder_code', zh: '所属线路编号', en: 'Feeder code', required: true },
    { key: 'capacity_kva', zh: '变压器容量(kVA)', en: 'Capacity (kVA)', required: false },
  ],
  customers: [
    { key: 'account_no', zh: '户号', en: 'Account no.', required: true },
    { key: 'name', zh: '户名', en: 'Name', required: true },
    { key: 'address', zh: '用电地址', en: 'Address', required: true },
    { key: 'phone', zh: '联系电话', en: 'Phone', required: false },
    { key: 'customer_class', zh: '用户类别', en: 'Customer class', required: true },
    { key: 'voltage_level', zh: '电压等级', en: 'Voltage level', required: true },
    { key: 'tariff_code', zh: '电价代码', en: 'Tariff code', required: true },
    { key: 'area_code', zh: '台区编号', en: 'Area code', required: false },
    { key: 'feeder_code', zh: '线路编号', en: 'Feeder code', required: false },
    { key: 'important', zh: '重要用户', en: 'Important', required: false },
    { key: 'dual_supply', zh: '双电源', en: 'Dual supply', required: false },
  ],
  meters: [
    { key: 'meter_no', zh: '表号', en: 'Meter no.', required: true },
    { key: 'role', zh: '计量点类型', en: 'Role', required: true },
    { key: 'account_no', zh: '户号', en: 'Account no.', required: false },
    { key: 'area_code', zh: '台区编号', en: 'Area code', required: false },
    { key: 'feeder_code', zh: '线路编号', en: 'Feeder code', required: false },
    { key: 'multiplier', zh: '倍率', en: 'Multiplier', required: false },
  ],
};

export const LEDGER_KIND_LABELS: Record<LedgerKind, { zh: string; en: string }> = {
  feeders: { zh: '线路', en: 'Feeders' },
  areas: { zh: '台区', en: 'Transformer areas' },
  customers: { zh: '客户', en: 'Customers' },
  meters: { zh: '计量点', en: 'Meters' },
};

/** Files the import pipeline takes: the four ledgers and meter readings (R-MTR-01). */
export const IMPORT_FILE_KINDS = [...LEDGER_KINDS, 'readings'] as const;
export type ImportFileKind = (typeof IMPORT_FILE_KINDS)[number];

export const READING_METHODS = ['actual', 'estimated'] as const;
export type ReadingMethod = (typeof READING_METHODS)[number];

export const IMPORT_COLUMNS: Record<ImportFileKind, readonly ColumnDef[]> = {
  ...LEDGER_COLUMNS,
  readings: [
    { key: 'meter_no', zh: '表号', en: 'Meter no.', required: true },
    { key: 'period', zh: '抄表月份', en: 'Period (YYYY-MM)', required: true },
    { key: 'reading', zh: '示数', en: 'Register reading', required: true },
    { key: 'read_at', zh: '抄表时间', en: 'Read at', required: false },
    { key: 'method', zh: '抄表方式', en: 'Method', required: true },
  ],
};

// ---- the ledger API ------------------------------------------------------------------------------

const CustomerClassSchema = Type.Union(CUSTOMER_CLASSES.map((c) => Type.Literal(c)));
const VoltageLevelSchema = Type.Union(VOLTAGE_LEVELS.map((v) => Type.Literal(v)));
const MeterRoleSchema = Type.Union(METER_ROLES.map((r) => Type.Literal(r)));
const MeterStatus = Type.Union([Type.Literal('in_service'), Type.Literal('removed')]);

/** Counts of the ledger in the caller's scope. */
export const LedgerSummary = Type.Object({
  feeders: Count,
  areas: Count,
  customers: Count,
  meters: Count,
  important: Count,
  dualSupply: Count,
});
export type LedgerSummary = Static<typeof LedgerSummary>;

/** A customer as lists and the detail show it: phone and address masked unless revealed (R-SYS-03). */
export const CustomerView = Type.Object({
  id: Type.Integer(),
  accountNo: Type.String(),
  name: Type.String(),
  /** masked: the first characters, then **** */
  address: Type.String(),
  /** masked: 138****5678 */
  phone: Nullable(Type.String()),
  customerClass: CustomerClassSchema,
  voltageLevel: VoltageLevelSchema,
  tariffCode: Type.String(),
  areaCode: Nullable(Type.String()),
  areaName: Nullable(Type.String()),
  feederCode: Type.String(),
  feederName: Type.String(),
  stationName: Type.String(),
  important: Type.Boolean(),
  dualSupply: Type.Boolean(),
});
export type CustomerView = Static<typeof CustomerView>;
export const CustomerPage = pageOf(CustomerView);
export type CustomerPage = Static<typeof CustomerPage>;

export const CustomerMeter = Type.Object({ meterNo: Type.String(), role: MeterRoleSchema, multiplier: Decimal, status: MeterStatus });
export type CustomerMeter = Static<typeof CustomerMeter>;

export const CustomerContract = Type.Object({
  contractNo: Type.String(),
  signedOn: IsoDay,
  expiresOn: Nullable(IsoDay),
  capacityKva: Nullable(Decimal),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('terminated')]),
});
export type CustomerContract = Static<typeof CustomerContract>;

/** One customer with its meters and supply contracts (still masked). */
export const CustomerDetail = Type.Composite([CustomerView, Type.Object({ meters: Type.Array(CustomerMeter), contracts: Type.Array(CustomerContract) })]);
export type CustomerDetail = Static<typeof CustomerDetail>;

/** A customer's phone and address in full: only to personal.reveal, and audited. */
export const RevealedContact = Type.Object({ phone: Nullable(Type.String()), address: Type.String() });
export type RevealedContact = Static<typeof RevealedContact>;

export const FeederRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  stationName: Type.String(),
  areaCount: Count,
  customerCount: Count,
});
export type FeederRow = Static<typeof FeederRow>;

export const AreaRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  feederCode: Type.String(),
  capacityKva: Nullable(Decimal),
  customerCount: Count,
});
export type AreaRow = Static<typeof AreaRow>;

export const MeterRow = Type.Object({
  id: Type.Integer(),
  meterNo: Type.String(),
  role: MeterRoleSchema,
  accountNo: Nullable(Type.String()),
  areaCode: Nullable(Type.String()),
  feederCode: Nullable(Type.String()),
  multiplier: Decimal,
  status: MeterStatus,
});
export type MeterRow = Static<typeof MeterRow>;

/** Search and page of the feeder, area and meter lists. */
export const LedgerListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...pagingFields(20) });
export type LedgerListQuery = Static<typeof LedgerListQuery>;

/** Search, filters and page of the customer list. */
export const CustomerListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...pagingFields(20),
  customerClass: Type.Optional(CustomerClassSchema),
  voltageLevel: Type.Optional(VoltageLevelSchema),
  important: Type.Optional(Type.Boolean()),
  dualSupply: Type.Optional(Type.Boolean()),
  areaCode: Type.Optional(Type.String({ maxLength: 32 })),
  feederCode: Type.Optional(Type.String({ maxLength: 32 })),
});
export type CustomerListQuery = Static<typeof CustomerListQuery>;

export const CustomerParams = Type.Object({ id: RowId });

/** A ledger (export) or an import file kind (templates, import). */
export const LedgerKindParams = Type.Object({ kind: Type.Union(LEDGER_KINDS.map((k) => Type.Literal(k))) });
export const ImportKindParams = Type.Object({ kind: Type.Union(IMPORT_FILE_KINDS.map((k) => Type.Literal(k))) });
const LedgerFileFormat = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]);
export type LedgerFileFormat = Static<typeof LedgerFileFormat>;
export const LedgerFileFormatQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }) });

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---- imports and exports as jobs (R-LED-03, R-SYS-03) --------------------------------------------

const LedgerKindSchema = Type.Union(LEDGER_KINDS.map((k) => Type.Literal(k)));
const ImportFileKindSchema = Type.Union(IMPORT_FILE_KINDS.map((k) => Type.Literal(k)));

/** `?async=true` (or 1): answer 202 with the job at once instead of waiting for its result. */
export const LedgerImportQuery = Type.Object({
  async: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')])),
});

/** What a finished import wrote (the import job's result). */
export const LedgerImportResult = Type.Object({ rows: Count, inserted: Count, updated: Count });
export type LedgerImportResult = Static<typeof LedgerImportResult>;

/** The answer of an import that waited for its job. */
export const LedgerImportDone = Type.Composite([Type.Object({ jobId: Type.Integer() }), LedgerImportResult]);
export type LedgerImportDone = Static<typeof LedgerImportDone>;

/** An import job as the import page follows it (GET /api/ledger/import-jobs/{id}). */
export const ImportJobView = Type.Object({
  id: Type.Integer(),
  kind: ImportFileKindSchema,
  filename: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('rejected'), Type.Literal('failed')]),
  /** a phase key the page translates; `done` once finished */
  phase: Type.String(),
  totalRows: Count,
  processedRows: Count,
  inserted: Count,
  updated: Count,
  /** a rejected file's row report (nothing was written), or why the job failed */
  errors: Type.Array(ApiErrorFieldSchema),
});
export type ImportJobView = Static<typeof ImportJobView>;

/** An export queued as a job: its file at GET /api/jobs/{jobId}/file. */
export const LedgerExportInput = Type.Object(
  { kind: LedgerKindSchema, format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'xlsx' }) },
  { additionalProperties: false },
);
export type LedgerExportInput = Static<typeof LedgerExportInput>;

/** The export job's result: the rows written, whether phone and address are in full, and the file. */
export const LedgerExportResult = Type.Object({
  kind: LedgerKindSchema,
  format: LedgerFileFormat,
  rows: Count,
  personalData: Type.Union([Type.Literal('full'), Type.Literal('masked')]),
  file: JobFile,
});
export type LedgerExportResult = Static<typeof LedgerExportResult>;
