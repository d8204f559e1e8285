import { describe, expect, it } from 'vitest';
import { checkArea, checkCustomer, checkFeeder, checkMeter, type LedgerRefs, type Raw } from './validate';

const refs: LedgerRefs = {
  stations: new Map([['ST01', 2]]),
  feeders: new Map([
    ['F001', { id: 10, stationId: 2 }],
    ['F002', { id: 11, stationId: 2 }],
  ]),
  areas: new Map([['TA00001', { id: 100, feederId: 10, feederCode: 'F001', stationId: 2 }]]),
  customers: new Map([['3100000001', { id: 1000, stationId: 2 }]]),
  meters: new Map(),
};

const customer = (over: Raw = {}): Raw => ({
  account_no: '3100000009',
  name: '张三',
  address: '示范县城关镇1号',
  phone: '13812345678',
  customer_class: 'residential',
  voltage_level: 'LV',
  tariff_code: 'RES-1',
  area_code: 'TA00001',
  feeder_code: '',
  important: '0',
  dual_supply: '0',
  ...over,
});

const fields = (r: { ok: boolean; problems?: { field: string }[] }) => (r.ok ? [] : r.problems!.map((p) => p.field));

describe('R-LED-03 feeder and area rows', () => {
  it('resolves a feeder to its station', () => {
    expect(checkFeeder({ feeder_code: 'F009', name: '10kV新线', station_code: 'ST01' }, refs)).toEqual({
      ok: true,
      value: { code: 'F009', name: '10kV新线', stationId: 2 },
    });
  });
  it.each([
    [{ feeder_code: '', name: 'x', station_code: 'ST01' }, ['feeder_code']],
    [{ feeder_code: 'F 1', name: 'x', station_code: 'ST01' }, ['feeder_code']],
    [{ feeder_code: 'F9', name: 'x', station_code: 'ST99' }, ['station_code']],
  ])('rejects %j naming %j', (raw, expected) => {
    expect(fields(checkFeeder(raw, refs))).toEqual(expected);
  });
  it('an area takes its station from its feeder; capacity must be positive', () => {
    expect(checkArea({ area_code: 'TA9', name: '东街台区', feeder_code: 'F002', capacity_kva: '400' }, refs)).toMatchObject({
      ok: true,
      value: { feederId: 11, stationId: 2, capacityKva: '400' },
    });
    expect(fields(checkArea({ area_code: 'TA9', name: '东街台区', feeder_code: 'F002', capacity_kva: '-5' }, refs))).toEqual(['capacity_kva']);
    expect(fields(checkArea({ area_code: 'TA9', name: '东街台区', feeder_code: 'F404', capacity_kva: '' }, refs))).toEqual(['feeder_code']);
  });
});

describe('R-LED-01 customer rows', () => {
  it('an LV customer is placed by its area, which fixes its feeder and station', () => {
    expect(checkCustomer(customer(), refs)).toMatchObject({ ok: true, value: { areaId: 100, feederId: 10, stationId: 2, important: false } });
  });
  it('an HV customer names its feeder and has no area', () => {
    expect(checkCustomer(customer({ voltage_level: 'HV', area_code: '', feeder_code: 'F002', customer_class: 'non_residential' }), refs)).toMatchObject({
      ok: true,
      value: { areaId: null, feederId: 11 },
    });
  });
  it.each([
    [{ customer_class: 'commercial' }, ['customer_class']],
    [{ voltage_level: 'MV' }, ['voltage_level']],
    [{ area_code: '' }, ['area_code']],
    [{ area_code: 'TA404' }, ['area_code']],
    [{ feeder_code: 'F002' }, ['feeder_code']],
    [{ voltage_level: 'HV', area_code: '', feeder_code: '' }, ['feeder_code']],
    [{ important: 'yes' }, ['important']],
    [{ phone: 'call me' }, ['phone']],
    [{ name: '', address: '' }, ['name', 'address']],
    [{ account_no: '31 0' }, ['account_no']],
    [{ name: '名'.repeat(101) }, ['name']],
  ])('rejects %j naming %j', (over, expected) => {
    expect(fields(checkCustomer(customer(over), refs))).toEqual(expected);
  });
  it('every problem carries a Chinese and an English reason', () => {
    const r = checkCustomer(customer({ customer_class: 'x', phone: '?' }), refs);
    expect(r.ok).toBe(false);
    for (const p of r.ok ? [] : r.problems) {
      expect(p.reason).toMatch(/[a-z]/);
      expect(p.reasonZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('R-LED-02 meters point to what their role names', () => {
  it.each([
    [
      { meter_no: 'M1', role: 'customer', account_no: '3100000001', multiplier: '' },
      { customerId: 1000, stationId: 2, multiplier: '1' },
    ],
    [
      { meter_no: 'M2', role: 'area', area_code: 'TA00001', multiplier: '40' },
      { areaId: 100, feederId: 10, multiplier: '40' },
    ],
    [
      { meter_no: 'M3', role: 'gateway', feeder_code: 'F002', multiplier: '2000' },
      { feederId: 11, areaId: null },
    ],
  ])('%j', (raw, expected) => {
    expect(checkMeter(raw, refs)).toMatchObject({ ok: true, value: expected });
  });
  it.each([
    [{ meter_no: 'M1', role: 'customer', account_no: '' }, ['account_no']],
    [{ meter_no: 'M1', role: 'customer', account_no: '999' }, ['account_no']],
    [{ meter_no: 'M2', role: 'area', area_code: '' }, ['area_code']],
    [{ meter_no: 'M3', role: 'gateway', feeder_code: 'F404' }, ['feeder_code']],
    [{ meter_no: 'M4', role: 'sub', feeder_code: 'F001' }, ['role']],
    [{ meter_no: 'M5', role: 'area', area_code: 'TA00001', multiplier: '0' }, ['multiplier']],
  ])('rejects %j naming %j', (raw, expected) => {
    expect(fields(checkMeter(raw, refs))).toEqual(expected);
  });
});
