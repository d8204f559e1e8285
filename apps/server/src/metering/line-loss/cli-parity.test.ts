import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/databases';
import type { TestApp } from '../../testing/app';
import { createLineLossApp } from '../../testing/line-loss-app';

describe.each(BACKENDS)('line loss and reading flags over HTTP on %s (R-MTR-02, R-MTR-04)', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await createLineLossApp(backend));
  });
  afterAll(async () => t?.close());

  it('answers the same figures as the command line', async () => {
    const res = await t.app.inject({ url: '/api/metering/lineloss?period=2025-06&level=area', headers: { cookie: admin } });
    expect(res.json().items.map((r: { code: string; class: string }) => `${r.code}:${r.class}`)).toEqual([
      'A1:qualified',
      'A2:not_computable',
      'A3:negative_loss',
      'A4:high_loss',
    ]);
    const flags = await t.app.inject({ url: '/api/metering/reading-flags?period=2025-06', headers: { cookie: admin } });
    expect(flags.json().items).toContainEqual({ meterNo: 'M-A2C0', flag: 'missed' });
    expect((await t.app.inject({ url: '/api/metering/lineloss?period=2025-13', headers: { cookie: admin } })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/api/metering/lineloss?period=2025-06' })).statusCode).toBe(401);
  });
});
