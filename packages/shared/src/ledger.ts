// Ledger enumerations and the machine CSV headers of every import format (R-LED-01..03).
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
