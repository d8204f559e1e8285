// A hand-built network whose line loss is known by construction (R-MTR-04):
// feeder F1 (gateway ×100) with areas A1 qualified, A2 90 % read, A3 negative, A4 high-loss,
// and one high-voltage customer (meter ×40).
const customersPerArea = 10;
const areas = ['A1', 'A2', 'A3', 'A4'];
const areaSupply: Record<string, number> = { A1: 1000, A2: 1000, A3: 1000, A4: 1000 }; // kWh
const custUse: Record<string, number> = { A1: 90, A2: 90, A3: 110, A4: 50 }; // kWh each

export function lineLossFixture() {
  const feeders = 'feeder_code,name,station_code\nF1,10kV测试线,ST01\n';
  const areasCsv = `area_code,name,feeder_code,capacity_kva\n${areas.map((a) => `${a},${a}台区,F1,400`).join('\n')}\n`;
  const cust: string[] = [];
  const meters: string[] = ['G1,gateway,,,F1,100'];
  const readings: string[] = [];
  const read = (meter: string, p1: number, p2: number | null, method = 'actual') => {
    readings.push(`${meter},2025-05,${p1},2025-05-31,actual`);
    if (p2 !== null) readings.push(`${meter},2025-06,${p2},2025-06-30,${method}`);
  };
  for (const a of areas) {
    meters.push(`AM-${a},area,,${a},,10`);
    read(`AM-${a}`, 1000, 1000 + areaSupply[a]! / 10);
    for (let i = 0; i < customersPerArea; i++) {
      const acct = `${a}C${i}`;
      cust.push(`${acct},用户${i},示范县${a}村${i}号,,residential,LV,RES-1,${a},,0,0`);
      meters.push(`M-${acct},customer,${acct},,,1`);
      const missing = a === 'A2' && i === 0;
      read(`M-${acct}`, 500, missing ? null : 500 + custUse[a]!, a === 'A1' && i === 1 ? 'estimated' : 'actual');
    }
  }
  cust.push('HV1,测试工厂,示范县工业园1号,,non_residential,HV,IND-10KV,,F1,1,0');
  meters.push('M-HV1,customer,HV1,,,40');
  read('M-HV1', 20, 30); // 10 × 40 = 400 kWh
  read('G1', 700, 750); // 50 × 100 = 5,000 kWh
  // a meter read lower than last month (错抄) in A4
  readings.splice(readings.indexOf(`M-A4C9,2025-06,550,2025-06-30,actual`), 1, 'M-A4C9,2025-06,499,2025-06-30,actual');
  return {
    feeders,
    areas: areasCsv,
    customers: `account_no,name,address,phone,customer_class,voltage_level,tariff_code,area_code,feeder_code,important,dual_supply\n${cust.join('\n')}\n`,
    meters: `meter_no,role,account_no,area_code,feeder_code,multiplier\n${meters.join('\n')}\n`,
    readings: `meter_no,period,reading,read_at,method\n${readings.join('\n')}\n`,
  };
}
