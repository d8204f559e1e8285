import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TARIFFS } from '@griddesk/domain/metering/tariff';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, type TestApp } from '../../testing/app';
import { BACKENDS } from '../../testing/databases';

describe.each(BACKENDS)('tariff tables as published, versioned data on %s (R-MTR-03)', (backend) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const { version: _v, ...res1 } = DEFAULT_TARIFFS.find((d) => d.code === 'RES-1')!;
  const publish = (cookie: string, definition: object) => t.app.inject({ method: 'POST', url: '/api/tariffs', headers: { cookie }, payload: { definition } });

  it('the portal shows the tables in force with tier prices in yuan, no sign-in needed', async () => {
    const res = await t.app.inject({ url: '/api/portal/tariffs' });
    expect(res.statusCode).toBe(200);
    const r = res.json().items.find((i: { code: string }) => i.code === 'RES-1');
    // utility-rules §5: 0.538 yuan, +0.05 above 2,760 kWh a year, +0.30 above 4,800
    expect(r).toMatchObject({
      version: 1,
      basePriceYuan: '0.5380',
      tiers: [
        { upToKwh: 2760, priceYuan: '0.5380' },
        { upToKwh: 4800, priceYuan: '0.5880' },
        { upToKwh: null, priceYuan: '0.8380' },
      ],
    });
  });

  it('a new version is checked, becomes active at once and is audited; the old one stays readable', async () => {
    const bad = await publish(admin, {
      ...res1,
      tiers: {
        cycle: 'calendar_year',
        steps: [
          { upToKwh: 4800, addPrice: 0 },
          { upToKwh: 2760, addPrice: 500 },
          { upToKwh: null, addPrice: 3000 },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0]).toMatchObject({
      field: 'definition.tiers.steps[1].upToKwh',
      reason: expect.stringMatching(/tier 2/),
      reasonZh: expect.stringMatching(/第 2 档/),
    });
    const noName = await publish(admin, { ...res1, name: '' });
    expect(noName.statusCode).toBe(422);
    expect(noName.json().error.fields.map((f: { field: string }) => f.field)).toContain('definition.name');
    expect((await publish(clerk, { ...res1, basePrice: 5580 })).statusCode).toBe(403);

    const ok = await publish(admin, { ...res1, basePrice: 5580 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ code: 'RES-1', version: 2, basePrice: 5580 });
    const portal = (await t.app.inject({ url: '/api/portal/tariffs' })).json().items.find((i: { code: string }) => i.code === 'RES-1');
    expect(portal).toMatchObject({ version: 2, basePriceYuan: '0.5580' });
    const all = (await t.app.inject({ url: '/api/tariffs', headers: { cookie: clerk } })).json().items.filter((i: { code: string }) => i.code === 'RES-1');
    expect(all.map((i: { version: number; active: boolean }) => `${i.version}:${i.active}`)).toEqual(['2:true', '1:false']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'tariff')
      .where('action', '=', 'publish')
      .execute();
    expect(audit).toEqual([{ action: 'publish', entity_id: 'RES-1:2' }]);
  });
});
