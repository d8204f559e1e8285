import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../testing/databases';
import { STAFF_PASSWORD, createTestApp, login, type TestApp } from '../testing/app';
import { scanCases } from './scanner';

describe.each(BACKENDS)('deadline scan and notices on %s (R-CASE-05, R-CMT-12, R-PUB-03)', (backend) => {
  let t: TestApp;
  let clerk: string;
  let crewId: number;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
    crewId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'xujun').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: clerk } });
  const notices = (caseId: number) =>
    t.database.db
      .selectFrom('notifications')
      .select(['template', 'recipient', 'channel', 'body', 'dedupe_key'])
      .where('entity', '=', 'case')
      .where('entity_id', '=', String(caseId))
      .orderBy('id')
      .execute();

  it('the customer is told the query code and the promise when a case is received', async () => {
    const c = (
      await post('/api/cases', { channel: 'phone', type: 'complaint', contactName: '陈', contactPhone: '13811112222', description: '营业厅排队太久' })
    ).json();
    const [n] = await notices(c.id);
    expect(n).toMatchObject({ template: 'case.received', channel: 'sms', recipient: '13811112222' });
    expect(n!.body).toContain(c.queryCode);
    expect(n!.body).toContain('您好');
  });

  it('a scan opens breaches and escalates an overdue case to the team leader and, a day later, the station head — once', async () => {
    const receivedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const c = (await post('/api/cases', { channel: 'report_box', type: 'complaint', contactName: '黄', description: '举报', receivedAt })).json();
    await post(`/api/cases/${c.id}/transitions`, { action: 'accept' });
    await post(`/api/cases/${c.id}/transitions`, { action: 'assign', assigneeId: crewId });
    const first = await scanCases(t.database.db);
    expect(first.notices).toBeGreaterThan(0);
    const sent = await notices(c.id);
    const templates = sent.map((n) => n.template);
    expect(templates).toContain('case.overdue');
    expect(templates).toContain('case.escalated');
    const again = await scanCases(t.database.db);
    expect((await notices(c.id)).length).toBe(sent.length);
    expect(again.breaches).toBe(0);
    const breaches = await t.database.db.selectFrom('breaches').select('rule').where('case_id', '=', c.id).orderBy('rule').execute();
    expect(breaches.map((b) => b.rule)).toEqual(['complaint.accept', 'complaint.feedback']);
  });

  it('a conclusion with a banned evasive phrase is refused, naming the field', async () => {
    const c = (
      await post('/api/cases', { channel: 'counter', type: 'billing_query', contactName: '林', contactPhone: '13822223333', description: '电费' })
    ).json();
    for (const b of [{ action: 'accept' }, { action: 'assign', assigneeId: crewId }, { action: 'start' }]) await post(`/api/cases/${c.id}/transitions`, b);
    const res = await post(`/api/cases/${c.id}/transitions`, { action: 'resolve', conclusion: '这个我们也不清楚' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'conclusion' });
    expect((await post(`/api/cases/${c.id}/transitions`, { action: 'resolve', conclusion: '经核实电量无误，感谢您的监督' })).statusCode).toBe(200);
    expect((await notices(c.id)).map((n) => n.template)).toEqual(['case.received', 'case.resolved']);
  });
});
