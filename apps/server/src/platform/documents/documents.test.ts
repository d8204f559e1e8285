// The versioned-document module over HTTP (R-CMT-01, R-SYS-02, R-SYS-04): draft → check →
// publish → superseded, audited, effective at once; the role table and limits are documents too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, login, STAFF_PASSWORD, type TestApp } from '../../testing/app';
import { BACKENDS } from '../../testing/databases';
import { DOCUMENT_KINDS } from '../../policy/kinds';
import { seedShippedDocuments } from './seed';

describe.each(BACKENDS)('versioned documents on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let supervisor: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
    supervisor = await login(t.app, 'xiemei', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  it('every kind ships a version in force, and seeding again changes nothing', async () => {
    const before = await t.database.db
      .selectFrom('documents')
      .select(['kind', 'key', 'version', 'status', 'active'])
      .orderBy('kind')
      .orderBy('key')
      .orderBy('version')
      .execute();
    await seedShippedDocuments(t.database.db, DOCUMENT_KINDS);
    const after = await t.database.db
      .selectFrom('documents')
      .select(['kind', 'key', 'version', 'status', 'active'])
      .orderBy('kind')
      .orderBy('key')
      .orderBy('version')
      .execute();
    expect(after).toEqual(before);
    for (const kind of DOCUMENT_KINDS) {
      expect(
        before.some((d) => d.kind === kind.kind && d.active),
        kind.kind,
      ).toBe(true);
    }
    // one commitment profile in force for the whole installation, the other published
    expect(before.filter((d) => d.kind === 'commitment-profile').map((d) => `${d.key}:${d.status}:${d.active}`)).toEqual([
      'seed:published:true',
      'sgcc-2011:published:false',
    ]);
    const kinds = (await req('GET', '/api/documents', clerk)).json();
    expect(kinds.total).toBe(DOCUMENT_KINDS.length);
  });

  it('R-SYS-04 a draft is checked field by field; publishing puts it in force at once and supersedes the old version, all audited', async () => {
    expect((await req('POST', '/api/documents/rate-limits/default/drafts', clerk, {})).statusCode).toBe(403);
    const draft = await req('POST', '/api/documents/rate-limits/default/drafts', admin, {});
    expect(draft.statusCode, draft.body).toBe(201);
    const { version } = draft.json();
    expect(version).toBe(2);
    const current = (await req('GET', `/api/documents/rate-limits/default/${version}`, admin)).json();
    expect(current).toMatchObject({ status: 'draft', active: false, basedOn: 'default@1' });

    const bad = await req('PUT', `/api/documents/rate-limits/default/${version}`, admin, { definition: { ...current.definition, billQueryPerMinute: 0 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'definition.billQueryPerMinute', reasonZh: expect.stringMatching(/整数/) })]);

    const good = await req('PUT', `/api/documents/rate-limits/default/${version}`, admin, {
      definition: { ...current.definition, billQueryPerMinute: 1 },
      note: '试行',
    });
    expect(good.statusCode, good.body).toBe(200);
    expect((await req('POST', `/api/documents/rate-limits/default/${version}/check`, admin)).json()).toEqual({ ok: true, problems: [] });

    // before publishing, the portal bill query allows the shipped five a minute
    const query = () =>
      t.app.inject({ method: 'POST', url: '/api/portal/bill-query', remoteAddress: '10.9.9.9', payload: { accountNo: '0000000000', phoneLast4: '0000' } });
    expect((await query()).statusCode).toBe(404);
    expect((await query()).statusCode).toBe(404);

    const pub = await req('POST', `/api/documents/rate-limits/default/${version}/publish`, admin);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ version, before: 'default@1' });
    const list = (await req('GET', '/api/documents/rate-limits', admin)).json().items;
    expect(list.map((d: { version: number; status: string; active: boolean }) => `${d.version}:${d.status}:${d.active}`)).toEqual([
      `${version}:published:true`,
      '1:superseded:false',
    ]);
    // a published version is never edited again
    expect((await req('PUT', `/api/documents/rate-limits/default/${version}`, admin, { definition: current.definition })).statusCode).toBe(409);

    // in force at once: a new client address gets one bill query a minute
    const fresh = () =>
      t.app.inject({ method: 'POST', url: '/api/portal/bill-query', remoteAddress: '10.9.9.10', payload: { accountNo: '0000000000', phoneLast4: '0000' } });
    expect((await fresh()).statusCode).toBe(404);
    expect((await fresh()).statusCode).toBe(429);

    const trail = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'rate_limits').orderBy('id').execute();
    expect(trail.map((a) => `${a.action}:${a.entity_id}`)).toEqual(['seed_default:1', 'clone:2', 'edit:2', 'publish:2']);

    // putting version 1 back is a rollback, audited as such
    const back = await req('POST', '/api/documents/rate-limits/default/1/publish', admin);
    expect(back.json()).toMatchObject({ version: 1, before: `default@${version}` });
    expect(
      (await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'rate_limits').orderBy('id', 'desc').executeTakeFirstOrThrow()).action,
    ).toBe('activate');
  });

  it('R-ORG-01 the role → permission table is a document: a published change applies to the next request', async () => {
    expect((await req('GET', '/api/metering/lineloss?period=2025-06', supervisor)).statusCode).toBe(200);
    const draft = (await req('POST', '/api/documents/role-permissions/default/drafts', admin, {})).json();
    const { definition } = (await req('GET', `/api/documents/role-permissions/default/${draft.version}`, admin)).json();
    // the administrator may not take away the right to change the table itself
    const locked = await req('PUT', `/api/documents/role-permissions/default/${draft.version}`, admin, {
      definition: { roles: { ...definition.roles, admin: ['org.read'] } },
    });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().error.fields[0]).toMatchObject({ field: 'definition.roles.admin' });
    const unknown = await req('PUT', `/api/documents/role-permissions/default/${draft.version}`, admin, {
      definition: { roles: { ...definition.roles, supervisor: ['ledger.read', 'everything'] } },
    });
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'definition.roles.supervisor.1' });

    const supervisorRoles = (definition.roles.supervisor as string[]).filter((p) => p !== 'metering.read');
    expect(
      (
        await req('PUT', `/api/documents/role-permissions/default/${draft.version}`, admin, {
          definition: { roles: { ...definition.roles, supervisor: supervisorRoles } },
        })
      ).statusCode,
    ).toBe(200);
    expect((await req('POST', `/api/documents/role-permissions/default/${draft.version}/publish`, admin)).statusCode).toBe(200);
    expect((await req('GET', '/api/metering/lineloss?period=2025-06', supervisor)).statusCode).toBe(403);
    expect((await req('GET', '/api/me', supervisor)).json().permissions).not.toContain('metering.read');
    // and back
    expect((await req('POST', '/api/documents/role-permissions/default/1/publish', admin)).statusCode).toBe(200);
    expect((await req('GET', '/api/metering/lineloss?period=2025-06', supervisor)).statusCode).toBe(200);
  });

  it('a kind is read only with its read permission; an unknown kind or version is a 404', async () => {
    expect((await req('GET', '/api/documents/rate-limits', clerk)).statusCode).toBe(403);
    expect((await req('GET', '/api/documents/tariff', clerk)).statusCode).toBe(200);
    expect((await req('GET', '/api/documents/no-such-kind', admin)).statusCode).toBe(404);
    expect((await req('GET', '/api/documents/tariff/RES-1/99', admin)).statusCode).toBe(404);
    const badKey = await req('POST', '/api/documents/metering-policy/other/drafts', admin, {});
    expect(badKey.statusCode).toBe(422);
    expect(badKey.json().error.fields[0]).toMatchObject({ field: 'key' });
  });

  it('R-PUB-03 the banned phrases are a document a station extends but never empties of the four', async () => {
    const draft = (await req('POST', '/api/documents/banned-phrases/default/drafts', admin, {})).json();
    const dropped = await req('PUT', `/api/documents/banned-phrases/default/${draft.version}`, admin, { definition: { phrases: ['不知道'] } });
    expect(dropped.statusCode).toBe(422);
    const extended = ['不知道', '不清楚', '请问别人去', '不属我管', '找别人'];
    expect((await req('PUT', `/api/documents/banned-phrases/default/${draft.version}`, admin, { definition: { phrases: extended } })).statusCode).toBe(200);
    expect((await req('POST', `/api/documents/banned-phrases/default/${draft.version}/publish`, admin)).statusCode).toBe(200);
    // a case conclusion with the new phrase can no longer reach the customer through the outbox
    const { enqueue } = await import('../../notify/outbox');
    await expect(
      t.database.db.transaction().execute((tx) =>
        enqueue(tx, {
          channel: 'sms',
          recipient: '13800000000',
          template: 'case.resolved',
          params: { caseType: '投诉', queryCode: 'X', result: '请您找别人处理', phone: '95598' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
