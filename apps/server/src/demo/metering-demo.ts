// The demo station's metering year, so every metering page has something true to show: reading
// segments with their day and reader, thirteen
// months of readings up to last month (a year, and the month before it for year-on-year changes) (generated with the documented planted anomalies, imported
// as one file through the clerk's import), the monthly line-loss job run for each month, daily
// series for the customers of a few areas with a handful of injected thefts (the screening's
// synthetic load model), one screening run, and the seed 000 inspection campaign.
import type { Kysely } from 'kysely';
import { addDays, dayKeyOf, previousPeriod } from '@griddesk/domain';
import { makeDataset } from '@griddesk/domain/metering/synthetic';
import { writeSgcc } from '@griddesk/domain/metering/sgcc-csv';
import type { DB } from '../db/schema';
import type { AuditActor } from '../audit/write';
import { importLedger } from '../ledger/import';
import { runLineLossJob } from '../metering/line-loss/monthly-run';
import { importDailyConsumption } from '../metering/readings/daily-import';
import { runTheftScreening } from '../metering/theft/screening';
import { addFinding, createCampaign } from '../metering/inspections/campaigns';
import { assignAreas, saveSegment } from '../metering/readings/segments';
import { generateReadings } from './readings-generator';
import type { Ledger } from './generator';

export const DEMO_METERING = { months: 13, dailyDays: 180, dailyAreas: 8, thiefShare: 0.03, seed: 20261123 };

/** The `months` periods up to and including the month before `now` (Asia/Shanghai). */
export function demoPeriods(now: Date, months: number): string[] {
  const out = [previousPeriod(dayKeyOf(now).slice(0, 7))];
  while (out.length < months) out.unshift(previousPeriod(out[0]!));
  return out;
}

export async function loadDemoMetering(
  db: Kysely<DB>,
  actor: AuditActor,
  stationId: number,
  ledger: Ledger,
  now: Date,
  log: (msg: string) => void,
): Promise<void> {
  const periods = demoPeriods(now, DEMO_METERING.months);
  await seedSegments(db, actor, stationId, ledger, now);
  const readings = generateReadings(ledger, { months: periods.length, start: periods[0]!, seed: DEMO_METERING.seed });
  const csv = [...readings.chunks()].join('');
  const imported = await importLedger(db, { audit: actor, stationIds: [stationId] }, 'readings', 'demo-readings.csv', Buffer.from(csv));
  if (imported.status !== 'succeeded') throw new Error(`demo readings rejected: ${JSON.stringify(imported.errors.slice(0, 3))}`);
  log(`demo: readings ${imported.rows} (${periods[0]} – ${periods.at(-1)})`);
  for (const p of periods) await runLineLossJob(db, actor, p, [stationId]);
  log(`demo: line loss ${periods.length} months`);

  // daily series for the customers of the first few areas, ending on the last day of last month
  const areaCodes = new Set(ledger.areas.slice(0, DEMO_METERING.dailyAreas).map((a) => a.area_code));
  const accounts = ledger.customers.filter((c) => c.area_code && areaCodes.has(c.area_code)).map((c) => c.account_no);
  const last = addDays(`${dayKeyOf(now).slice(0, 7)}-01`, -1);
  const first = addDays(last, -(DEMO_METERING.dailyDays - 1));
  const rows = makeDataset({
    customers: accounts.length,
    days: DEMO_METERING.dailyDays,
    thiefShare: DEMO_METERING.thiefShare,
    seed: DEMO_METERING.seed,
    startDate: first,
  });
  const dates = Array.from({ length: DEMO_METERING.dailyDays }, (_, i) => addDays(first, i));
  const daily = await importDailyConsumption(
    db,
    actor,
    [stationId],
    'demo-daily.csv',
    writeSgcc(
      dates,
      rows.map((r, i) => ({ consNo: accounts[i]!, days: r.days })),
    ),
  );
  if (daily.status !== 'succeeded') throw new Error(`demo daily series rejected: ${JSON.stringify(daily.errors.slice(0, 3))}`);
  const screening = await runTheftScreening(db, actor, [stationId], { period: periods.at(-1)! });
  log(`demo: daily series ${accounts.length} customers × ${DEMO_METERING.dailyDays} days, ${screening.suspects} suspects`);

  await seedCampaign(db, actor, stationId, periods[0]!);
}

// Six reading segments of 25 areas each, read at the end of the month by the distribution crew.
async function seedSegments(db: Kysely<DB>, actor: AuditActor, stationId: number, ledger: Ledger, now: Date): Promise<void> {
  const crew = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select('users.id')
    .where('org_units.code', '=', 'ST01-PD')
    .orderBy('users.id')
    .execute();
  const perSegment = Math.ceil(ledger.areas.length / 6);
  for (let k = 0; k < 6; k++) {
    const code = `ST01-S${k + 1}`;
    const areas = ledger.areas.slice(k * perSegment, (k + 1) * perSegment).map((a) => a.area_code);
    if (!areas.length) break;
    await saveSegment(
      db,
      actor,
      [stationId],
      {
        code,
        name: `第${k + 1}抄表段`,
        readingDay: [28, 29, 30, 31, 29, 30][k]!,
        readerId: crew.length ? crew[k % crew.length]!.id : null,
      },
      now,
    );
    await assignAreas(db, actor, [stationId], code, areas, now);
  }
}

// Seed 000's half-year (R-MTR-07): 149 boxes; 9 theft households, 41,000 kWh, 37,200 yuan;
// 17 violations, 3,100 kWh, 1,830 yuan — the households constructed as in inspections.test.ts.
async function seedCampaign(db: Kysely<DB>, actor: AuditActor, stationId: number, firstPeriod: string): Promise<void> {
  const campaign = await createCampaign(db, actor, [stationId], {
    kind: 'meter_box_opening',
    startedOn: `${firstPeriod}-01`,
    endedOn: addDays(`${firstPeriod}-01`, 180),
    boxesOpened: 149,
    note: '上半年开箱检查与反窃电专项行动',
  });
  const add = (b: Parameters<typeof addFinding>[4]) => addFinding(db, actor, [stationId], campaign.id, b);
  for (const [kwh, price] of [
    [3000, '0.20'],
    [4000, '0.20'],
    [5000, '0.20'],
    [7000, '0.20'],
    [2000, '0.25'],
    [3000, '0.25'],
    [4000, '0.25'],
    [5000, '0.25'],
    [8000, '0.25'],
  ] as const) {
    await add({ kind: 'theft', energyKwh: String(kwh), priceYuan: price });
  }
  for (const kwh of [200, 250, 300, 300, 300, 350, 350, 350, 400, 300])
    await add({ kind: 'violation', violationType: 'change_category', energyKwh: String(kwh), priceYuan: '0.10' });
  for (const kw of [3, 3, 4, 5]) await add({ kind: 'violation', violationType: 'excess_capacity', capacityKw: kw });
  for (const kw of [1, 2, 2]) await add({ kind: 'violation', violationType: 'use_suspended_equipment', capacityKw: kw });
}
