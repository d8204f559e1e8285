// The clocked-workflow engine on both backends: the projection is what the pure function gives
// after every event; a calendar override moves open items and not closed ones; activating another
// profile moves nothing; the scan with nothing due reads one index range and nothing else;
// breaches and notices are idempotent; a second, tiny subject kind runs on the same engine.
import { caseClocks, defineMachine, isOpen, leadIndex, projectClock } from '@griddesk/domain';
import type { CaseAction } from '@griddesk/shared';
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../cases/workflow';
import { ManualClock } from '../clock';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, type TestApp } from '../../testing/app';
import { BACKENDS } from '../../testing/databases';
import type { Tx } from '../commands';
import { policyView } from './policy-cache';
import { projectSubjects } from './project';
import { registerSubjectKind, type Subject } from './kind';
import { scanWorkflow } from './scan';
import { backfillWorkflow } from './backfill';

const at = (s: string) => new Date(s);
const HOUR = 3_600_000;

/** Records the tables each query touches (the scan with nothing due must touch one). */
class QueryLog implements KyselyPlugin {
  readonly queries: string[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as { kind: string; from?: { froms: { table?: { identifier?: { name: string } } }[] } };
    const tables = (node.from?.froms ?? []).map((f) => f.table?.identifier?.name ?? '?');
    this.queries.push(`${node.kind}:${tables.join(',')}`);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe.each(BACKENDS)('clocked-workflow engine on %s (R-CASE-04, R-CASE-05, R-CMT-01, R-CMT-02, R-CMT-12)', (backend) => {
  let t: TestApp;
  let clock: ManualClock;
  let admin: string;
  let clerk: string;
  let crewId: number;
  beforeAll(async () => {
    clock = new ManualClock(at('2025-09-30T11:00:00+08:00'));
    t = await createTestApp(backend, { demo: true, clock });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
    crewId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'xujun').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  /** Sessions expire by the application's clock: after moving it, sign in again at the new time. */
  const moveTo = async (instant: Date) => {
    clock.set(instant);
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
  };

  const db = () => t.database.db;
  const post = (url: string, payload: object, cookie = clerk) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  const register = async (body: object) => {
    const res = await post('/api/cases', { channel: 'counter', contactName: '测', description: '引擎测试', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; deadlines: { rule: string; dueAt: string | null }[] };
  };
  const act = async (id: number, body: object) => {
    const res = await post(`/api/cases/${id}/transitions`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  const stored = (kind: string, id: number) =>
    db().selectFrom('workflow_clocks').selectAll().where('subject_kind', '=', kind).where('subject_id', '=', id).orderBy('rule').execute();

  /** The rows the pure function gives for a case now, given what was stored before the event. */
  async function expected(id: number, now: Date, before: Awaited<ReturnType<typeof stored>>) {
    const row = await db().selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const events = await db().selectFrom('case_events').select(['action', 'at']).where('case_id', '=', id).execute();
    const policy = await policyView(db());
    const profile = await policy.profile(row.profile_id, row.profile_version);
    const clocks = caseClocks(
      profile,
      policy.calendar,
      {
        type: row.type,
        faultClass: row.fault_class,
        area: row.service_area,
        receivedAt: row.received_at,
        feePaidAt: row.fee_paid_at,
        events: events.map((e) => ({ action: e.action as CaseAction, at: e.at })),
      },
      now,
    );
    const rows = clocks.map((c) => {
      const prev = before.find((b) => b.rule === c.rule);
      return projectClock(c, now, {
        open: isOpen(row.status),
        levels: profile.escalation,
        previous: prev && { dueAt: prev.due_at, level: prev.level },
        notify: false,
      }).row;
    });
    const lead = leadIndex(rows, isOpen(row.status));
    return rows
      .map((p, i) => ({
        rule: p.rule,
        started_at: p.startedAt,
        due_at: p.dueAt,
        met_at: p.metAt,
        paused: p.paused,
        paused_since: p.pausedSince,
        level: p.level,
        next_at: p.nextAt,
        lead: i === lead,
      }))
      .sort((a, b) => a.rule.localeCompare(b.rule));
  }
  const comparable = (rows: Awaited<ReturnType<typeof stored>>) =>
    rows.map((r) => ({
      rule: r.rule,
      started_at: r.started_at,
      due_at: r.due_at,
      met_at: r.met_at,
      paused: r.paused,
      paused_since: r.paused_since,
      level: r.level,
      next_at: r.next_at,
      lead: r.lead,
    }));

  it('R-CASE-04 after every event the stored clocks are what the pure function gives', async () => {
    await moveTo(at('2025-06-01T10:00:00+08:00'));
    const c = await register({ channel: 'phone', type: 'fault_repair', faultClass: 'lv_drop', contactPhone: '13911112222' });
    let before = await stored('case', c.id);
    // the notice written by the registration statement names the station as it stands
    const station = await db().selectFrom('org_units').select('name').where('kind', '=', 'station').orderBy('id').executeTakeFirstOrThrow();
    const notice = await db()
      .selectFrom('notifications')
      .select(['body', 'params', 'dedupe_key'])
      .where('entity_id', '=', String(c.id))
      .executeTakeFirstOrThrow();
    expect(notice.body).toContain(station.name);
    expect(notice.body).not.toContain('⟦');
    expect(notice).toMatchObject({ params: expect.objectContaining({ station: station.name }), dedupe_key: `case:${c.id}:received` });
    expect(comparable(before)).toEqual(await expected(c.id, clock.now(), []));
    expect(before[0]).toMatchObject({ station_id: expect.any(Number), profile_id: 'seed', profile_version: 1, open: true });
    const steps: [number, object][] = [
      [5, { action: 'accept' }],
      [5, { action: 'assign', assigneeId: crewId }],
      [10, { action: 'start' }],
      [20, { action: 'pause', reason: '客户不在家' }],
      [60, { action: 'resume' }],
      [30, { action: 'resolve', conclusion: '已恢复送电' }],
    ];
    for (const [minutes, body] of steps) {
      clock.advance(minutes * 60_000);
      await act(c.id, body);
      const after = await stored('case', c.id);
      expect(comparable(after), JSON.stringify(body)).toEqual(await expected(c.id, clock.now(), before));
      before = after;
    }
    // paused for an hour: 14:00 became 15:00; met at 12:10, so nothing more can happen
    expect(before[0]).toMatchObject({ due_at: at('2025-06-01T15:00:00+08:00'), met_at: at('2025-06-01T12:10:00+08:00'), next_at: null, open: false });
  });

  it('R-CMT-10 a paused clock is stored frozen and read moving; the inbox and the detail agree', async () => {
    await moveTo(at('2025-06-02T09:00:00+08:00'));
    const c = await register({ channel: 'phone', type: 'fault_repair', faultClass: 'lv_drop' });
    for (const b of [{ action: 'accept' }, { action: 'assign', assigneeId: crewId }, { action: 'start' }, { action: 'pause', reason: '等待材料' }])
      await act(c.id, b);
    const [row] = await stored('case', c.id);
    expect(row).toMatchObject({ paused: true, due_at: at('2025-06-02T13:00:00+08:00'), next_at: null });
    clock.advance(2 * HOUR);
    const detail = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json();
    const inbox = (await t.app.inject({ url: '/api/cases?open=true&limit=500', headers: { cookie: clerk } })).json();
    const listed = inbox.items.find((i: { id: number }) => i.id === c.id);
    expect(detail.deadlines[0].dueAt).toBe(at('2025-06-02T15:00:00+08:00').toISOString());
    expect(listed.deadlines).toEqual(detail.deadlines);
    expect(listed.timeLeftMinutes).toBe(detail.timeLeftMinutes);
    await act(c.id, { action: 'resume' });
    expect((await stored('case', c.id))[0]).toMatchObject({ paused: false, due_at: at('2025-06-02T15:00:00+08:00') });
  });

  it('R-CMT-02 a calendar override moves the due instants of open items, not of closed ones; R-CMT-01 activating a profile moves none', async () => {
    await moveTo(at('2025-09-30T11:00:00+08:00'));
    const seedCase = await register({ type: 'complaint' });
    const seedRows = await stored('case', seedCase.id);
    expect((await post('/api/policy/profiles/sgcc-2011/1/activate', {}, admin)).statusCode).toBe(200);
    expect(await stored('case', seedCase.id)).toEqual(seedRows); // kept its version and its instants
    const open = await register({ type: 'complaint' });
    const closed = await register({ type: 'complaint' });
    for (const b of [
      { action: 'accept' },
      { action: 'assign', assigneeId: crewId },
      { action: 'start' },
      { action: 'resolve', conclusion: '已处理完毕' },
      { action: 'callback', satisfaction: 5 },
      { action: 'close' },
    ])
      await act(closed.id, b);
    const reply = async (id: number) => (await stored('case', id)).find((r) => r.rule === 'complaint.reply')!;
    // the contact clock (1 working day) leads the open complaint in the inbox until it is met
    expect((await stored('case', open.id)).map((r) => [r.rule, r.lead])).toEqual([
      ['complaint.contact', true],
      ['complaint.reply', false],
    ]);
    expect((await reply(open.id)).due_at).toEqual(at('2025-10-17T00:00:00+08:00')); // 9, 10, 11 (make-up Saturday), 13–16 October
    const closedBefore = await stored('case', closed.id);

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/policy/calendar/2025-10-11',
      payload: { off: true, name: '本地调整' },
      headers: { cookie: admin },
    });
    expect(put.statusCode).toBe(200);
    expect((await reply(open.id)).due_at).toEqual(at('2025-10-18T00:00:00+08:00'));
    expect(await stored('case', closed.id)).toEqual(closedBefore);
    expect(await stored('case', seedCase.id)).toEqual(seedRows); // calendar days: nothing to move
    // the inbox reads the moved instant
    const inbox = (await t.app.inject({ url: '/api/cases?open=true&limit=500', headers: { cookie: clerk } })).json();
    const item = inbox.items.find((i: { id: number }) => i.id === open.id);
    expect(item.deadlines.find((d: { rule: string }) => d.rule === 'complaint.reply').dueAt).toBe(at('2025-10-18T00:00:00+08:00').toISOString());

    const del = await t.app.inject({ method: 'DELETE', url: '/api/policy/calendar/2025-10-11', headers: { cookie: admin } });
    expect(del.statusCode).toBe(200);
    expect((await reply(open.id)).due_at).toEqual(at('2025-10-17T00:00:00+08:00'));
    expect((await post('/api/policy/profiles/seed/1/activate', {}, admin)).statusCode).toBe(200);
  });

  it('R-CMT-12 breaches and escalation notices are idempotent; the scan with nothing due reads one index range and nothing else', async () => {
    await moveTo(at('2025-11-20T10:00:00+08:00'));
    const c = await register({ channel: 'report_box', type: 'complaint', receivedAt: '2025-11-01T10:00:00+08:00' });
    const breaches = () => db().selectFrom('breaches').select(['id', 'rule']).where('case_id', '=', c.id).orderBy('rule').execute();
    const notices = () => db().selectFrom('notifications').select('dedupe_key').where('entity_id', '=', String(c.id)).where('entity', '=', 'case').execute();
    expect((await breaches()).map((b) => b.rule)).toEqual(['complaint.accept', 'complaint.feedback']); // at registration
    await act(c.id, { action: 'accept' });
    const first = await scanWorkflow(db(), clock.now());
    expect(first.notices).toBeGreaterThan(0);
    const sent = (await notices()).length;
    const again = await scanWorkflow(db(), clock.now());
    expect(again).toEqual({ subjects: 0, notices: 0, breaches: 0 });
    expect((await notices()).length).toBe(sent);
    expect((await breaches()).length).toBe(2);
    // every stored instant lies ahead of the scan now
    const pending = await db().selectFrom('workflow_clocks').select('next_at').where('next_at', '<=', clock.now()).execute();
    expect(pending).toEqual([]);

    const log = new QueryLog();
    const r = await scanWorkflow(db().withPlugin(log), clock.now());
    expect(r).toEqual({ subjects: 0, notices: 0, breaches: 0 });
    expect(log.queries).toEqual(['SelectQueryNode:workflow_clocks']);
    // the query's shape fits the partial index (a tiny table is read whole unless told otherwise; the benchmark shows the plan at scale)
    const plan = await db()
      .transaction()
      .execute(async (tx) => {
        await sql`set local enable_seqscan = off`.execute(tx);
        return sql<{
          'QUERY PLAN': string;
        }>`explain select subject_kind, subject_id, rule from workflow_clocks where next_at <= ${clock.now()} order by next_at limit 500`.execute(tx);
      });
    expect(plan.rows.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/(Index|Index Only|Bitmap Index) Scan (using|on) workflow_clocks_next_idx/);
  });

  it('R-CMT-12 a breach runs its own feedback clock, met when the result reaches the complainant', async () => {
    await moveTo(at('2025-12-20T10:00:00+08:00'));
    const c = await register({ channel: 'report_box', type: 'complaint', receivedAt: '2025-12-10T10:00:00+08:00' });
    const [breach] = await db().selectFrom('breaches').selectAll().where('case_id', '=', c.id).where('rule', '=', 'complaint.accept').execute();
    const [feedback] = await stored('breach', breach!.id);
    expect(feedback).toMatchObject({ rule: 'breach.feedback', due_at: breach!.feedback_due_at, open: true, met_at: null });
    expect(feedback!.due_at).toEqual(at('2025-12-31T00:00:00+08:00')); // 24:00 of the 10th calendar day after 20 December
    const listed = (await t.app.inject({ url: `/api/breaches?caseId=${c.id}&feedbackLate=false`, headers: { cookie: clerk } })).json();
    expect(listed.items.map((b: { rule: string }) => b.rule)).toEqual(['complaint.accept']); // the 15-day clock still runs
    // two weeks on, the feedback is late: the list says so and the scan tells the responsible people
    await moveTo(at('2026-01-03T10:00:00+08:00'));
    const late = (await t.app.inject({ url: `/api/breaches?caseId=${c.id}&feedbackLate=true`, headers: { cookie: clerk } })).json();
    expect(late.items).toEqual([expect.objectContaining({ id: breach!.id, feedbackLate: true })]);
    expect((await scanWorkflow(db(), clock.now())).notices).toBeGreaterThan(0);
    const head = await login(t.app, 'wangjianguo', STAFF_PASSWORD);
    const patch = (status: string) => t.app.inject({ method: 'PATCH', url: `/api/breaches/${breach!.id}`, payload: { status }, headers: { cookie: head } });
    expect((await patch('closed')).statusCode).toBe(409); // not from open: verify or give feedback first
    expect((await patch('feedback_given')).statusCode).toBe(200);
    expect((await stored('breach', breach!.id))[0]).toMatchObject({ met_at: clock.now(), open: false, next_at: null });
    expect((await patch('closed')).statusCode).toBe(200);
  });

  it('a second, tiny subject kind runs on the same engine: its machine, its clock, its reminders', async () => {
    // a tool test due (R-SAFE-03 will use it): open until tested; the seed's 3-day archive rule stands in for its limit
    await sql`create table if not exists toy_tools (id integer primary key, station_id integer not null, state text not null, opened_at timestamptz not null, tested_at timestamptz)`.execute(
      db(),
    );
    const told: string[] = [];
    type Toy = { id: number; station_id: number; state: string; opened_at: Date; tested_at: Date | null };
    const toSubject = (r: Toy): Subject<Toy> => ({
      id: r.id,
      stationId: r.station_id,
      state: r.state,
      profileId: 'seed',
      profileVersion: 1,
      history: { openedAt: r.opened_at, events: r.tested_at ? [{ action: 'test', at: r.tested_at }] : [] },
      row: r,
    });
    const toy = registerSubjectKind<Toy>({
      kind: 'toy_tool',
      machine: defineMachine({
        kind: 'toy_tool',
        states: ['due', 'tested'] as const,
        initial: 'due',
        open: ['due'],
        actions: { test: { permission: 'safety.write', moves: { due: 'tested' } } },
      }),
      clocks: () => [{ rule: 'archive.after_connection', startsOn: 'opened', metBy: 'test' }],
      load: async (tx: Tx, ids) =>
        (
          await tx
            .selectFrom('toy_tools' as never)
            .selectAll()
            .where('id' as never, 'in', ids as never)
            .execute()
        ).map((r) => toSubject(r as Toy)),
      ids: async () => [],
      escalate: async (_tx, s, e) => {
        told.push(`${s.id}:L${e.level}:${e.def.notify}`);
        return 1;
      },
    });
    const station = (await db().selectFrom('org_units').select('id').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const opened = at('2026-02-02T09:00:00+08:00');
    await sql`insert into toy_tools values (1, ${station}, 'due', ${opened}, null)`.execute(db());
    await db()
      .transaction()
      .execute(async (tx) => projectSubjects(tx, toy, await toy.load(tx, [1]), opened));
    const [row] = await stored('toy_tool', 1);
    expect(row).toMatchObject({ due_at: at('2026-02-06T00:00:00+08:00'), open: true, level: -1 });
    // 80 % of the 87 h from 09:00 on the 2nd to midnight after the 5th
    expect(row!.next_at).toEqual(at('2026-02-05T06:36:00+08:00'));
    await scanWorkflow(db(), at('2026-02-06T01:00:00+08:00'));
    expect(told).toEqual(['1:L1:team_leader']); // the reminder's moment had passed: only overdue is told
    await scanWorkflow(db(), at('2026-02-07T01:00:00+08:00'));
    expect(told).toEqual(['1:L1:team_leader', '1:L2:station_head']);
    await sql`update toy_tools set state = 'tested', tested_at = ${at('2026-02-07T02:00:00+08:00')} where id = 1`.execute(db());
    await db()
      .transaction()
      .execute(async (tx) => projectSubjects(tx, toy, await toy.load(tx, [1]), at('2026-02-07T02:00:00+08:00')));
    expect((await stored('toy_tool', 1))[0]).toMatchObject({ met_at: at('2026-02-07T02:00:00+08:00'), breached: true, open: false, next_at: null });
  });

  it('cases opened before the projection existed get their clocks at first start, once', async () => {
    await moveTo(at('2026-03-02T10:00:00+08:00'));
    const c = await register({ type: 'billing_query' });
    const before = await stored('case', c.id);
    await db().deleteFrom('workflow_clocks').where('subject_kind', '=', 'case').where('subject_id', '=', c.id).execute();
    await db().deleteFrom('workflow_backfills').execute();
    const done = await backfillWorkflow(db(), clock.now(), { batch: 7 });
    expect(done.case).toBeGreaterThan(1);
    expect(comparable(await stored('case', c.id))).toEqual(comparable(before));
    expect(await backfillWorkflow(db(), clock.now())).toEqual({}); // marked done: later starts skip it
  });
});
