// One API contract (issue 8, item 1): every route declares its answers, lists answer {items, total},
// and an answer carries nothing that its schema does not name — fields beyond it never leave the
// server, however the handler builds the object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AreaRow,
  AuditPage,
  BreachPage,
  CalendarOverrideRemoved,
  CalendarOverrideResult,
  CalendarYear,
  CalendarYearDeclared,
  CaseAttachment,
  CaseAttachmentPage,
  CaseContactRevealed,
  CasePage,
  CaseView,
  CustomerDetail,
  CustomerPage,
  DeadlineAnswer,
  FeederRow,
  Health,
  ImportJobView,
  JobPage,
  JobStarted,
  JobView,
  LedgerExportResult,
  LedgerImportDone,
  LedgerSummary,
  MeterRow,
  NotificationPage,
  pageOf,
  PublicCase,
  PublicCommitments,
  RevealedContact,
} from '@griddesk/shared';
import { MeSchema, OrgUnitList, PasswordPolicyView, PortalStation, UserList, UserView } from '@griddesk/shared/org-api';
import { BACKENDS } from '../testing/databases';
import { expectExactly } from '../testing/contract';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, multipartFile, type TestApp, waitForJob } from '../testing/app';
import { addSecondStation } from '../testing/second-station';
import { enqueue } from '../notify/outbox';

/** Operations outside the contract: the OpenAPI document itself. */
const OUTSIDE = new Set(['/api/openapi.json']);

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}
interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
}
interface OpenApiOperation {
  responses?: Record<string, OpenApiResponse>;
  'x-permission'?: string;
}
interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>>;
}

/** Every operation of the document the contract covers, as "METHOD /path". */
function coveredOperations(doc: OpenApiDocument): [string, OpenApiOperation][] {
  const out: [string, OpenApiOperation][] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (OUTSIDE.has(path)) continue;
    for (const method of METHODS) {
      const op = ops[method];
      if (op) out.push([`${method.toUpperCase()} ${path}`, op]);
    }
  }
  return out;
}

const isSuccess = (status: string) => /^2\d\d$/.test(status);
const hasSchema = (r: OpenApiResponse) => Object.values(r.content ?? {}).some((c) => c.schema !== undefined && Object.keys(c.schema).length > 0);

describe('the API contract in OpenAPI', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const t = await createTestApp('pglite');
    try {
      doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    } finally {
      await t.close();
    }
  });

  it('covers every route of every capability', () => {
    const names = coveredOperations(doc).map(([name]) => name);
    for (const expected of [
      'GET /api/ledger/customers',
      'GET /api/audit',
      'GET /api/notifications',
      'GET /api/policy/calendar',
      'GET /api/health',
      'GET /api/cases',
      'GET /api/breaches',
      'GET /api/jobs/{id}',
      'GET /api/org/users',
      'GET /api/me',
      'POST /api/auth/login',
      'POST /api/bills/compute',
      'GET /api/inspections/{id}/summary',
      'GET /api/metering/lineloss',
      'POST /api/metering/theft/runs',
      'POST /api/metering/daily-consumption',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('every operation whose path is outside the portal and sign-in carries the permission it needs', () => {
    const without = coveredOperations(doc)
      .filter(([name]) => !/^\w+ \/api\/(portal|auth)(\/|$)/.test(name))
      .filter(([, op]) => typeof op['x-permission'] !== 'string')
      .map(([name]) => name);
    expect(without).toEqual([]);
    expect(coveredOperations(doc).length).toBeGreaterThan(90); // the whole API, not a part of it
  });

  it('every operation declares a 2xx answer with its schema', () => {
    const missing = coveredOperations(doc)
      .filter(([, op]) => !Object.entries(op.responses ?? {}).some(([status, r]) => isSuccess(status) && hasSchema(r)))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('every list answers {items, total}', () => {
    const lists: string[] = [];
    const withoutTotal: string[] = [];
    for (const [name, op] of coveredOperations(doc)) {
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        if (!isSuccess(status)) continue;
        for (const { schema } of Object.values(r.content ?? {})) {
          if (schema?.type !== 'object' || schema.properties?.items?.type !== 'array') continue;
          lists.push(name);
          const total = schema.properties.total;
          if (total?.type !== 'integer' || !schema.required?.includes('total') || !schema.required.includes('items')) withoutTotal.push(`${name} ${status}`);
        }
      }
    }
    expect(lists).toEqual(
      expect.arrayContaining([
        'GET /api/ledger/customers',
        'GET /api/audit',
        'GET /api/notifications',
        'GET /api/policy/calendar',
        'GET /api/cases',
        'GET /api/breaches',
        'GET /api/cases/{id}/attachments',
        'GET /api/jobs',
        'GET /api/org/units',
        'GET /api/org/users',
        'GET /api/tariffs',
        'GET /api/bills',
        'GET /api/inspections',
        'GET /api/metering/reading-flags',
        'GET /api/metering/reading-rates',
        'GET /api/metering/segments',
        'GET /api/metering/reading-schedule',
        'GET /api/metering/large-customers',
        'GET /api/metering/lineloss',
        'GET /api/metering/lineloss/customers',
        'GET /api/metering/lineloss/watchlist',
        'GET /api/metering/theft/suspects',
      ]),
    );
    expect(withoutTotal).toEqual([]);
  });
});

// ---- answers carry exactly their schema ------------------------------------------------------------

describe.each(BACKENDS)('answers carry their schema and nothing else, on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    const { stationId } = await addSecondStation(t.database.db, STAFF_PASSWORD);
    await enqueue(t.database.db, {
      channel: 'sms',
      recipient: '13812345678',
      template: 'case.received',
      params: { station: '河西供电所', caseType: '投诉', queryCode: 'Q1', due: '12月8日' },
      entity: 'case',
      entityId: 1,
      stationId,
    });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
    return res;
  };
  const ok = async (url: string, cookie?: string) => {
    const res = await call('GET', url, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('ledger: lists and the detail never carry a raw phone, an address in full or an internal column', async () => {
    const list = await ok('/api/ledger/customers?limit=50', clerk);
    const body = list.json();
    expectExactly(CustomerPage, body);
    const ids = body.items.map((c: { id: number }) => c.id);
    const raw = await t.database.db.selectFrom('customers').select(['phone', 'address']).where('id', 'in', ids).execute();
    const phones = raw.map((r) => r.phone).filter((p): p is string => p !== null);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(list.body).not.toContain(p);
    for (const r of raw) expect(list.body).not.toContain(r.address);
    for (const column of ['station_id', 'stationId', 'manager_id', 'managerId', 'industry', 'created_at']) expect(list.body).not.toContain(`"${column}"`);

    const detail = await ok(`/api/ledger/customers/${ids[0]}`, clerk);
    expectExactly(CustomerDetail, detail.json());
    for (const p of phones) expect(detail.body).not.toContain(p);

    const revealed = await call('POST', `/api/ledger/customers/${ids[0]}/reveal`, clerk);
    expect(revealed.statusCode).toBe(200);
    expectExactly(RevealedContact, revealed.json());
    expect(Object.keys(revealed.json()).sort()).toEqual(['address', 'phone']);

    expectExactly(LedgerSummary, (await ok('/api/ledger/summary', clerk)).json());
    expectExactly(pageOf(FeederRow), (await ok('/api/ledger/feeders?limit=5', clerk)).json());
    expectExactly(pageOf(AreaRow), (await ok('/api/ledger/areas?limit=5', clerk)).json());
    expectExactly(pageOf(MeterRow), (await ok('/api/ledger/meters?limit=5', clerk)).json());

    // an id or offset beyond the integer column is refused as input, not a server error
    for (const url of ['/api/ledger/customers/99999999999', '/api/ledger/customers?offset=99999999999', '/api/ledger/customers?limit=100000']) {
      expect((await call('GET', url, clerk)).statusCode, url).toBe(422);
    }
    const file = await ok('/api/ledger/templates/customers?format=csv', clerk);
    expect(file.headers['content-type']).toContain('text/csv');
  });

  it('audit: entries never carry the actor id, the org unit or the request id', async () => {
    const res = await ok('/api/audit?limit=100', admin);
    expect(res.json().total).toBeGreaterThan(0);
    expectExactly(AuditPage, res.json());
    for (const column of ['actor_id', 'actorId', 'org_unit_id', 'orgUnitId', 'request_id', 'requestId']) expect(res.body).not.toContain(`"${column}"`);
    expect((await call('GET', '/api/audit?offset=99999999999', admin)).statusCode).toBe(422);
  });

  it('notifications: the recipient is masked; the template parameters, dedupe key and station stay inside', async () => {
    const res = await ok('/api/notifications?limit=100', admin);
    expect(res.json().total).toBeGreaterThan(0);
    expectExactly(NotificationPage, res.json());
    expect(res.body).not.toContain('13812345678');
    for (const column of ['params', 'dedupe_key', 'dedupeKey', 'station_id', 'stationId']) expect(res.body).not.toContain(`"${column}"`);
  });

  it('policy: the calendar lists its days as {items, total}; overrides, declarations and deadlines answer their schemas', async () => {
    const year = (await ok('/api/policy/calendar?year=2025', clerk)).json();
    expectExactly(CalendarYear, year);
    expect(year.total).toBe(year.items.length);
    expect(year.items.length).toBeGreaterThan(0);

    const put = await call('PUT', '/api/policy/calendar/2025-10-11', admin, { off: true, name: '本地调整' });
    expect(put.statusCode).toBe(200);
    expectExactly(CalendarOverrideResult, put.json());
    const removed = await call('DELETE', '/api/policy/calendar/2025-10-11', admin);
    expect(removed.statusCode).toBe(200);
    expectExactly(CalendarOverrideRemoved, removed.json());
    expect(removed.json()).toMatchObject({ day: '2025-10-11', removed: true });
    const declared = await call('POST', '/api/policy/calendar/years/2099', admin);
    expectExactly(CalendarYearDeclared, declared.json());

    const due = await ok(`/api/policy/deadline?profile=seed&rule=complaint.feedback&from=${encodeURIComponent('2025-09-30T10:00:00+08:00')}`, clerk);
    expectExactly(DeadlineAnswer, due.json());
  });

  it('portal: a case submitted and tracked carries no name, phone, address or description; the commitments list their rules', async () => {
    const input = {
      type: 'complaint',
      contactName: '契约测试人',
      contactPhone: '13987654321',
      contactAddress: '示范县契约路9号',
      description: '契约测试的描述',
    };
    const created = await call('POST', '/api/portal/cases', undefined, input);
    expect(created.statusCode, created.body).toBe(201);
    expectExactly(PublicCase, created.json());
    const tracked = await ok(`/api/portal/cases/${created.json().queryCode}`);
    expectExactly(PublicCase, tracked.json());
    for (const res of [created, tracked]) for (const personal of Object.values(input).slice(1)) expect(res.body).not.toContain(personal);

    const commitments = (await ok('/api/portal/commitments')).json();
    expectExactly(PublicCommitments, commitments);
    expect(commitments.total).toBe(commitments.items.length);
    expect(commitments.items.find((r: { key: string }) => r.key === 'complaint.feedback')).toMatchObject({ clock: 'calendar_days', days: 15 });
    // a clock's own fields only: a day-counted rule has no minutes
    expect(commitments.items.find((r: { key: string }) => r.key === 'complaint.feedback')).not.toHaveProperty('minutes');
  });

  it('cases: the inbox, the detail, writes, the reveal, attachments and breaches answer their schemas; the contact stays masked', async () => {
    const inbox = await ok('/api/cases?limit=50', clerk);
    expectExactly(CasePage, inbox.json());
    expect(inbox.json().total).toBeGreaterThan(0);
    // the inbox carries no timeline; the detail does
    for (const item of inbox.json().items) expect(item).not.toHaveProperty('events');

    const created = await call('POST', '/api/cases', clerk, {
      channel: 'counter',
      type: 'complaint',
      contactName: '契约客户',
      contactPhone: '13911112222',
      contactAddress: '示范县契约路12号',
      description: '契约测试工单',
    });
    expect(created.statusCode, created.body).toBe(201);
    expectExactly(CaseView, created.json());
    const id: number = created.json().id;
    const detail = await ok(`/api/cases/${id}`, clerk);
    expectExactly(CaseView, detail.json());
    expect(detail.json().events.length).toBeGreaterThan(0);
    const moved = await call('POST', `/api/cases/${id}/transitions`, clerk, { action: 'accept' });
    expect(moved.statusCode, moved.body).toBe(200);
    expectExactly(CaseView, moved.json());
    for (const res of [inbox, created, detail, moved]) {
      expect(res.body).not.toContain('13911112222');
      expect(res.body).not.toContain('示范县契约路12号');
      for (const column of [
        'station_id',
        'contact_phone',
        'contact_address',
        'profile_kind',
        'idempotency_key',
        'idempotencyKey',
        'customer_id',
        'actor_id',
        'actorId',
      ]) {
        expect(res.body).not.toContain(`"${column}"`);
      }
    }
    const revealed = await call('POST', `/api/cases/${id}/reveal`, clerk);
    expect(revealed.statusCode).toBe(200);
    expectExactly(CaseContactRevealed, revealed.json());
    expect(revealed.json()).toEqual({ phone: '13911112222', address: '示范县契约路12号' });

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
    const file = multipartFile('契约.png', png, 'image/png');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      headers: { cookie: clerk, ...file.headers },
      payload: file.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expectExactly(CaseAttachment, uploaded.json());
    const attachments = (await ok(`/api/cases/${id}/attachments`, clerk)).json();
    expectExactly(CaseAttachmentPage, attachments);
    expect(attachments.total).toBe(1);
    expect(attachments.items[0]).toEqual(uploaded.json());

    const breaches = (await ok('/api/breaches?limit=100', clerk)).json();
    expectExactly(BreachPage, breaches);

    // an id, a filter or an offset beyond the integer column is refused as input, not a server error
    for (const url of [
      '/api/cases/99999999999',
      '/api/cases?offset=99999999999',
      '/api/cases/1/attachments/99999999999',
      '/api/breaches?caseId=99999999999',
      '/api/breaches?status=nonsense',
    ]) {
      expect((await call('GET', url, clerk)).statusCode, url).toBe(422);
    }
    expect(
      (await call('POST', '/api/cases', clerk, { channel: 'counter', type: 'complaint', contactName: '甲', description: '乙', stationId: 99999999999 }))
        .statusCode,
    ).toBe(422);
  });

  it('jobs: a started export and import answer JobStarted, and are followed as JobView with their results', async () => {
    const started = await call('POST', '/api/ledger/exports', clerk, { kind: 'feeders', format: 'csv' });
    expect(started.statusCode, started.body).toBe(202);
    expectExactly(JobStarted, started.json());
    const jobId: number = started.json().jobId;
    expect((await waitForJob(t.app, clerk, jobId)).status).toBe('succeeded');
    const job = (await ok(`/api/jobs/${jobId}`, clerk)).json();
    expectExactly(JobView, job);
    expectExactly(LedgerExportResult, job.result);
    const jobs = (await ok('/api/jobs?limit=10', clerk)).json();
    expectExactly(JobPage, jobs);
    expect(jobs.items.map((j: { id: number }) => j.id)).toContain(jobId);
    for (const column of ['created_by', 'createdBy', 'params', 'heartbeat_at', 'attempts', 'resumable'])
      expect(JSON.stringify(jobs)).not.toContain(`"${column}"`);

    // an import that waits for its job, and one followed on the import page
    const csv = (await ok('/api/ledger/templates/feeders?format=csv', clerk)).body;
    const upload = (url: string) => {
      const body = multipartFile('feeders.csv', `${csv.trimEnd()}\nF-CT-01,契约线,ST01\n`);
      return t.app.inject({ method: 'POST', url, headers: { cookie: clerk, ...body.headers }, payload: body.payload });
    };
    const waited = await upload('/api/ledger/import/feeders');
    expect(waited.statusCode, waited.body).toBe(200);
    expectExactly(LedgerImportDone, waited.json());
    const queued = await upload('/api/ledger/import/feeders?async=true');
    expect(queued.statusCode, queued.body).toBe(202);
    expectExactly(JobStarted, queued.json());
    await waitForJob(t.app, clerk, queued.json().jobId);
    expectExactly(ImportJobView, (await ok(`/api/ledger/import-jobs/${queued.json().jobId}`, clerk)).json());

    for (const url of ['/api/jobs/99999999999', '/api/jobs?offset=99999999999', '/api/ledger/import-jobs/99999999999']) {
      expect((await call('GET', url, clerk)).statusCode, url).toBe(422);
    }
  });

  it('org: the signed-in user, units, staff, the password policy and the portal station answer their schemas; no password hash leaves', async () => {
    const me = await ok('/api/me', clerk);
    expectExactly(MeSchema, me.json());
    const units = await ok('/api/org/units?includeRetired=true', admin);
    expectExactly(OrgUnitList, units.json());
    expect(units.json().total).toBe(units.json().items.length);
    const users = await ok('/api/org/users?limit=500', admin);
    expectExactly(UserList, users.json());
    const one = await ok(`/api/org/users/${users.json().items[0].id}`, admin);
    expectExactly(UserView, one.json());
    expectExactly(PasswordPolicyView, (await ok('/api/auth/password-policy', clerk)).json());
    const station = await ok('/api/portal/station');
    expectExactly(PortalStation, station.json());
    for (const res of [me, units, users, one, station]) {
      for (const column of ['password_hash', 'passwordHash', 'failed_logins', 'failedLogins', 'path', 'org_unit_id'])
        expect(res.body).not.toContain(`"${column}"`);
    }
    for (const url of ['/api/org/users/99999999999', '/api/org/users?offset=99999999999']) {
      expect((await call('GET', url, admin)).statusCode, url).toBe(422);
    }
    // a body field the contract does not name is refused, not silently dropped
    expect((await call('POST', '/api/auth/login', undefined, { username: 'sunli', password: STAFF_PASSWORD, remember: true })).statusCode).toBe(422);
  });

  it('health: status, backend and version only', async () => {
    expectExactly(Health, (await ok('/api/health')).json());
  });
});
