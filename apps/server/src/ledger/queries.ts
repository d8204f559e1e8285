// Ledger reads, always restricted to the caller's stations. Personal data is masked here unless
// the caller explicitly asked to reveal it (R-SYS-03).
import { sql, type Kysely } from 'kysely';
import { maskAddress, maskPhone } from '@griddesk/domain';
import type { CustomerView } from '@griddesk/shared';
import type { DB } from '../db/schema';

export interface CustomerFilter {
  q?: string | undefined;
  customerClass?: 'residential' | 'non_residential' | undefined;
  voltageLevel?: 'LV' | 'HV' | undefined;
  important?: boolean | undefined;
  dualSupply?: boolean | undefined;
  areaCode?: string | undefined;
  feederCode?: string | undefined;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function customerBase(db: Kysely<DB>, stationIds: number[], f: CustomerFilter) {
  let q = db
    .selectFrom('customers as c')
    .innerJoin('feeders as f', 'f.id', 'c.feeder_id')
    .innerJoin('org_units as s', 's.id', 'c.station_id')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .where('c.station_id', 'in', stationIds.length ? stationIds : [-1]);
  if (f.q) {
    const pattern = like(f.q.trim());
    // Phone search matches the full number only, so masked digits cannot be guessed by probing.
    q = q.where((eb) => eb.or([eb('c.account_no', 'like', pattern), eb('c.name', 'like', pattern), eb('c.phone', '=', f.q!.trim())]));
  }
  if (f.customerClass) q = q.where('c.customer_class', '=', f.customerClass);
  if (f.voltageLevel) q = q.where('c.voltage_level', '=', f.voltageLevel);
  if (f.important !== undefined) q = q.where('c.important', '=', f.important);
  if (f.dualSupply !== undefined) q = q.where('c.dual_supply', '=', f.dualSupply);
  if (f.areaCode) q = q.where('a.code', '=', f.areaCode);
  if (f.feederCode) q = q.where('f.code', '=', f.feederCode);
  return q;
}

const customerColumns = [
  'c.id',
  'c.account_no',
  'c.name',
  'c.address',
  'c.phone',
  'c.customer_class',
  'c.voltage_level',
  'c.tariff_code',
  'a.code as area_code',
  'a.name as area_name',
  'f.code as feeder_code',
  'f.name as feeder_name',
  's.name as station_name',
  'c.important',
  'c.dual_supply',
] as const;

type CustomerRow = {
  id: number;
  account_no: string;
  name: string;
  address: string;
  phone: string | null;
  customer_class: 'residential' | 'non_residential';
  voltage_level: 'LV' | 'HV';
  tariff_code: string;
  area_code: string | null;
  area_name: string | null;
  feeder_code: string;
  feeder_name: string;
  station_name: string;
  important: boolean;
  dual_supply: boolean;
};

export function presentCustomer(r: CustomerRow, reveal = false): CustomerView {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    address: reveal ? r.address : maskAddress(r.address)!,
    phone: reveal ? r.phone : maskPhone(r.phone),
    customerClass: r.customer_class,
    voltageLevel: r.voltage_level,
    tariffCode: r.tariff_code,
    areaCode: r.area_code,
    areaName: r.area_name,
    feederCode: r.feeder_code,
    feederName: r.feeder_name,
    stationName: r.station_name,
    important: r.important,
    dualSupply: r.dual_supply,
  };
}

export async function listCustomers(db: Kysely<DB>, stationIds: number[], f: CustomerFilter, limit: number, offset: number) {
  const base = customerBase(db, stationIds, f);
  const [rows, count] = await Promise.all([
    base.select(customerColumns).orderBy('c.account_no').limit(limit).offset(offset).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentCustomer(r)), total: count.n };
}

export async function findCustomer(db: Kysely<DB>, stationIds: number[], id: number) {
  return customerBase(db, stationIds, {}).select(customerColumns).where('c.id', '=', id).executeTakeFirst();
}

export async function customerMetersAndContracts(db: Kysely<DB>, customerId: number) {
  const [meters, contracts] = await Promise.all([
    db.selectFrom('meters').select(['meter_no', 'role', 'multiplier', 'status']).where('customer_id', '=', customerId).orderBy('meter_no').execute(),
    db
      .selectFrom('supply_contracts')
      .select(['contract_no', 'signed_on', 'expires_on', 'capacity_kva', 'status'])
      .where('customer_id', '=', customerId)
      .orderBy('signed_on')
      .execute(),
  ]);
  return {
    meters: meters.map((m) => ({ meterNo: m.meter_no, role: m.role, multiplier: m.multiplier, status: m.status })),
    contracts: contracts.map((c) => ({
      contractNo: c.contract_no,
      signedOn: c.signed_on,
      expiresOn: c.expires_on,
      capacityKva: c.capacity_kva,
      status: c.status,
    })),
  };
}

export async function listFeeders(db: Kysely<DB>, stationIds: number[], q: string | undefined, limit: number, offset: number) {
  let base = db
    .selectFrom('feeders as f')
    .innerJoin('org_units as s', 's.id', 'f.station_id')
    .where('f.station_id', 'in', stationIds.length ? stationIds : [-1]);
  if (q) base = base.where((eb) => eb.or([eb('f.code', 'like', like(q)), eb('f.name', 'like', like(q))]));
  const [rows, count] = await Promise.all([
    base
      .select((eb) => [
        'f.id',
        'f.code',
        'f.name',
        's.name as station_name',
        eb.selectFrom('areas').select(sql<number>`count(*)`.as('n')).whereRef('areas.feeder_id', '=', 'f.id').as('area_count'),
        eb.selectFrom('customers').select(sql<number>`count(*)`.as('n')).whereRef('customers.feeder_id', '=', 'f.id').as('customer_count'),
      ])
      .orderBy('f.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      stationName: r.station_name,
      areaCount: Number(r.area_count ?? 0),
      customerCount: Number(r.customer_count ?? 0),
    })),
    total: count.n,
  };
}

export async function listAreas(db: Kysely<DB>, stationIds: number[], q: string | undefined, limit: number, offset: number) {
  let base = db
    .selectFrom('areas as a')
    .innerJoin('feeders as f', 'f.id', 'a.feeder_id')
    .where('a.station_id', 'in', stationIds.length ? stationIds : [-1]);
  if (q) base = base.where((eb) => eb.or([eb('a.code', 'like', like(q)), eb('a.name', 'like', like(q))]));
  const [rows, count] = await Promise.all([
    base
      .select((eb) => [
        'a.id',
        'a.code',
        'a.name',
        'f.code as feeder_code',
        'a.capacity_kva',
        eb.selectFrom('customers').select(sql<number>`count(*)`.as('n')).whereRef('customers.area_id', '=', 'a.id').as('customer_count'),
      ])
      .orderBy('a.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      feederCode: r.feeder_code,
      capacityKva: r.capacity_kva,
      customerCount: Number(r.customer_count ?? 0),
    })),
    total: count.n,
  };
}

export async function listMeters(db: Kysely<DB>, stationIds: number[], q: string | undefined, limit: number, offset: number) {
  let base = db
    .selectFrom('meters as m')
    .leftJoin('customers as c', 'c.id', 'm.customer_id')
    .leftJoin('areas as a', 'a.id', 'm.area_id')
    .leftJoin('feeders as f', 'f.id', 'm.feeder_id')
    .where('m.station_id', 'in', stationIds.length ? stationIds : [-1]);
  if (q) base = base.where((eb) => eb.or([eb('m.meter_no', 'like', like(q)), eb('c.account_no', '=', q), eb('a.code', '=', q), eb('f.code', '=', q)]));
  const [rows, count] = await Promise.all([
    base
      .select(['m.id', 'm.meter_no', 'm.role', 'c.account_no', 'a.code as area_code', 'f.code as feeder_code', 'm.multiplier', 'm.status'])
      .orderBy('m.meter_no')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      meterNo: r.meter_no,
      role: r.role,
      accountNo: r.account_no,
      areaCode: r.area_code,
      feederCode: r.feeder_code,
      multiplier: r.multiplier,
      status: r.status,
    })),
    total: count.n,
  };
}

export async function ledgerSummary(db: Kysely<DB>, stationIds: number[]) {
  const ids = stationIds.length ? stationIds : [-1];
  const count = (table: 'feeders' | 'areas' | 'meters') =>
    db.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('station_id', 'in', ids).executeTakeFirstOrThrow();
  const [feeders, areas, meters, customers] = await Promise.all([
    count('feeders'),
    count('areas'),
    count('meters'),
    db
      .selectFrom('customers')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`count(*) filter (where important)`.as('important'),
        sql<number>`count(*) filter (where dual_supply)`.as('dual'),
      ])
      .where('station_id', 'in', ids)
      .executeTakeFirstOrThrow(),
  ]);
  return { feeders: feeders.n, areas: areas.n, customers: customers.n, meters: meters.n, important: customers.important, dualSupply: customers.dual };
}
