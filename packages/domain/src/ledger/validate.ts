// R-LED-03: validation of ledger import rows. Pure: it takes the raw cell strings of one row and
// the references already known (stations, feeders, areas, customers in the importer's scope)
// and returns either the resolved record or the list of problems with that row.
import { CUSTOMER_CLASSES, METER_ROLES, VOLTAGE_LEVELS, type CustomerClass, type MeterRole, type VoltageLevel } from '@griddesk/shared';
import { reasons, type Reason } from './reasons';

export interface FieldProblem extends Reason {
  field: string;
  value: string;
}

export interface LedgerRefs {
  stations: ReadonlyMap<string, number>;
  feeders: ReadonlyMap<string, { id: number; stationId: number }>;
  areas: ReadonlyMap<string, { id: number; feederId: number; feederCode: string; stationId: number }>;
  customers: ReadonlyMap<string, { id: number; stationId: number }>;
  meters: ReadonlyMap<string, { id: number; stationId: number }>;
}

export type Raw = Readonly<Record<string, string | undefined>>;
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export interface FeederRecord {
  code: string;
  name: string;
  stationId: number;
}
export interface AreaRecord {
  code: string;
  name: string;
  feederId: number;
  stationId: number;
  capacityKva: string | null;
}
export interface CustomerRecord {
  accountNo: string;
  name: string;
  address: string;
  phone: string | null;
  customerClass: CustomerClass;
  voltageLevel: VoltageLevel;
  tariffCode: string;
  areaId: number | null;
  feederId: number;
  stationId: number;
  important: boolean;
  dualSupply: boolean;
}
export interface MeterRecord {
  meterNo: string;
  role: MeterRole;
  customerId: number | null;
  areaId: number | null;
  feederId: number | null;
  stationId: number;
  multiplier: string;
}

const CODE = /^[A-Za-z0-9_-]+$/;
const PHONE = /^\+?[0-9][0-9 -]{3,18}[0-9]$/;
const NUMBER = /^\d+(\.\d+)?$/;

/** Collects problems while reading cells; `take*` return the cleaned value or undefined. */
class RowReader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly raw: Raw) {}

  cell(field: string): string {
    return (this.raw[field] ?? '').trim();
  }
  fail(field: string, r: Reason, value = this.cell(field)): void {
    this.problems.push({ field, value, ...r });
  }
  text(field: string, max: number, required = true): string | undefined {
    const v = this.cell(field);
    if (!v) return required ? void this.fail(field, reasons.required()) : undefined;
    if ([...v].length > max) return void this.fail(field, reasons.tooLong(max));
    return v;
  }
  code(field: string, required = true): string | undefined {
    const v = this.text(field, 32, required);
    if (v !== undefined && !CODE.test(v)) return void this.fail(field, reasons.code());
    return v;
  }
  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const v = this.cell(field);
    if (!v) return void this.fail(field, reasons.required());
    if (!(values as readonly string[]).includes(v)) return void this.fail(field, reasons.oneOf(values));
    return v as T;
  }
  flag(field: string): boolean {
    const v = this.cell(field);
    if (v === '' || v === '0') return false;
    if (v === '1') return true;
    this.fail(field, reasons.flag());
    return false;
  }
  positive(field: string, fallback: string | null): string | null | undefined {
    const v = this.cell(field);
    if (!v) return fallback;
    if (!NUMBER.test(v) || Number(v) <= 0) return void this.fail(field, reasons.positiveNumber());
    return v;
  }
  done<T>(value: () => T): Checked<T> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, value: value() };
  }
}

const WHAT = {
  station: { en: 'station code', zh: '供电所编号' },
  feeder: { en: 'feeder code', zh: '线路编号' },
  area: { en: 'area code', zh: '台区编号' },
  account: { en: 'account number', zh: '户号' },
  lv: { en: 'a low-voltage customer', zh: '低压用户的台区编号' },
  hv: { en: 'a high-voltage customer', zh: '高压用户的线路编号' },
  customerMeter: { en: 'a customer meter', zh: '用户计量点的户号' },
  areaMeter: { en: 'an area meter', zh: '台区总表的台区编号' },
  gatewayMeter: { en: 'a gateway meter', zh: '关口计量点的线路编号' },
};

export function checkFeeder(raw: Raw, refs: LedgerRefs): Checked<FeederRecord> {
  const r = new RowReader(raw);
  const code = r.code('feeder_code');
  const name = r.text('name', 100);
  const stationCode = r.code('station_code');
  const stationId = stationCode ? refs.stations.get(stationCode) : undefined;
  if (stationCode && stationId === undefined) r.fail('station_code', reasons.unknown(WHAT.station));
  return r.done(() => ({ code: code!, name: name!, stationId: stationId! }));
}

export function checkArea(raw: Raw, refs: LedgerRefs): Checked<AreaRecord> {
  const r = new RowReader(raw);
  const code = r.code('area_code');
  const name = r.text('name', 100);
  const feederCode = r.code('feeder_code');
  const feeder = feederCode ? refs.feeders.get(feederCode) : undefined;
  if (feederCode && !feeder) r.fail('feeder_code', reasons.unknown(WHAT.feeder));
  const capacityKva = r.positive('capacity_kva', null);
  return r.done(() => ({
    code: code!,
    name: name!,
    feederId: feeder!.id,
    stationId: feeder!.stationId,
    capacityKva: capacityKva ?? null,
  }));
}

export function checkCustomer(raw: Raw, refs: LedgerRefs): Checked<CustomerRecord> {
  const r = new RowReader(raw);
  const accountNo = r.code('account_no');
  const name = r.text('name', 100);
  const address = r.text('address', 200);
  const phone = r.text('phone', 20, false);
  if (phone && !PHONE.test(phone)) r.fail('phone', reasons.phone());
  const customerClass = r.oneOf('customer_class', CUSTOMER_CLASSES);
  const voltageLevel = r.oneOf('voltage_level', VOLTAGE_LEVELS);
  const tariffCode = r.code('tariff_code');
  const areaCode = r.code('area_code', false);
  const feederCode = r.code('feeder_code', false);
  let areaId: number | null = null;
  let feederId: number | undefined;
  let stationId: number | undefined;
  if (voltageLevel === 'LV') {
    if (!areaCode) {
      if (!r.problems.some((p) => p.field === 'area_code')) r.fail('area_code', reasons.requiredFor(WHAT.lv));
    } else {
      const area = refs.areas.get(areaCode);
      if (!area) r.fail('area_code', reasons.unknown(WHAT.area));
      else {
        ({ id: areaId, feederId, stationId } = area);
        if (feederCode && feederCode !== area.feederCode) r.fail('feeder_code', reasons.feederMismatch(area.feederCode));
      }
    }
  } else if (voltageLevel === 'HV') {
    if (!feederCode) {
      if (!r.problems.some((p) => p.field === 'feeder_code')) r.fail('feeder_code', reasons.requiredFor(WHAT.hv));
    } else {
      const feeder = refs.feeders.get(feederCode);
      if (!feeder) r.fail('feeder_code', reasons.unknown(WHAT.feeder));
      else ({ id: feederId, stationId } = feeder);
    }
  }
  const important = r.flag('important');
  const dualSupply = r.flag('dual_supply');
  return r.done(() => ({
    accountNo: accountNo!,
    name: name!,
    address: address!,
    phone: phone ?? null,
    customerClass: customerClass!,
    voltageLevel: voltageLevel!,
    tariffCode: tariffCode!,
    areaId,
    feederId: feederId!,
    stationId: stationId!,
    important,
    dualSupply,
  }));
}

export function checkMeter(raw: Raw, refs: LedgerRefs): Checked<MeterRecord> {
  const r = new RowReader(raw);
  const meterNo = r.code('meter_no');
  const role = r.oneOf('role', METER_ROLES);
  const multiplier = r.positive('multiplier', '1');
  let customerId: number | null = null;
  let areaId: number | null = null;
  let feederId: number | null = null;
  let stationId: number | undefined;
  const ref = <T>(field: string, what: { en: string; zh: string }, map: ReadonlyMap<string, T>): T | undefined => {
    const code = r.code(field, false);
    if (!code) {
      if (!r.problems.some((p) => p.field === field)) r.fail(field, reasons.requiredFor(what));
      return undefined;
    }
    const found = map.get(code);
    if (!found) r.fail(field, reasons.unknown(field === 'account_no' ? WHAT.account : field === 'area_code' ? WHAT.area : WHAT.feeder));
    return found;
  };
  if (role === 'customer') {
    const c = ref('account_no', WHAT.customerMeter, refs.customers);
    if (c) ({ id: customerId, stationId } = c);
  } else if (role === 'area') {
    const a = ref('area_code', WHAT.areaMeter, refs.areas);
    if (a) ({ id: areaId, feederId, stationId } = a);
  } else if (role === 'gateway') {
    const f = ref('feeder_code', WHAT.gatewayMeter, refs.feeders);
    if (f) ({ id: feederId, stationId } = f);
  }
  return r.done(() => ({
    meterNo: meterNo!,
    role: role!,
    customerId,
    areaId,
    feederId,
    stationId: stationId!,
    multiplier: multiplier!,
  }));
}
