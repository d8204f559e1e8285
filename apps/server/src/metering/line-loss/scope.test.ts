// A county's line loss is computed from all its stations or not at all (R-MTR-04, R-ORG-01): a
// clerk of one station neither sees a "county" figure made of their station alone, nor replaces
// the county's stored figure with one when running the monthly job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineLossApp } from '../../testing/line-loss-app';
import type { TestApp } from '../../testing/app';
import { BACKENDS } from '../../testing/databases';
import { login, STAFF_PASSWORD } from '../../testing/app';
import { addSecondStation } from '../../testing/second-station';
import { runLineLossJob } from './monthly-run';

describe.each(BACKENDS)('the county figure and the caller’s scope on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let hexi: string;
  let fixtureStation: number;
  let secondStation: number;
  beforeAll(async () => {
    ({ t, admin, stationId: fixtureStation } = await createLineLossApp(backend));
    secondStation = (await addSecondStation(t.database.db, STAFF_PASSWORD)).stationId;
    hexi = await login(t.app, 'hexi_clerk', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const countyRow = () =>
    t.database.db
      .selectFrom('line_loss_results')
      .select(['supply_kwh', 'sales_kwh', 'run_at'])
      .where('level', '=', 'county')
      .where('period', '=', '2025-06')
      .execute();

  it('R-MTR-04 a run over every station stores the county; a run over one station leaves it as it was', async () => {
    const system = { id: null, name: 'test', orgUnitId: null };
    await runLineLossJob(t.database.db, system, '2025-06', [fixtureStation, secondStation]);
    const whole = await countyRow();
    // the second station has no gateway meter yet: the county is stored, honestly not computable
    expect(whole).toHaveLength(1);
    expect(whole[0]!.supply_kwh).toBeNull();

    const partial = await runLineLossJob(t.database.db, system, '2025-06', [secondStation]);
    expect(partial.counts.county).toEqual({ qualified: 0, high_loss: 0, negative_loss: 0, not_computable: 0 });
    expect(await countyRow()).toEqual(whole);
  });

  it('R-ORG-01 a station clerk is shown no county figure computed from their station alone; the county administrator is', async () => {
    const mine = (await t.app.inject({ url: '/api/metering/lineloss?period=2025-06&level=county', headers: { cookie: hexi } })).json();
    expect(mine.items).toEqual([]);
    const county = (await t.app.inject({ url: '/api/metering/lineloss?period=2025-06&level=county', headers: { cookie: admin } })).json();
    expect(county.items).toHaveLength(1);
    expect(county.items[0]).toMatchObject({ supplyKwh: null, class: 'not_computable' });
  });
});
