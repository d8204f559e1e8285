import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TemplateError } from '@griddesk/domain/notify/templates';
import { AppError } from '../errors';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../testing/databases';
import { cancel, enqueue, type NewNotification } from './outbox';

const received = (over: Partial<NewNotification> = {}): NewNotification => ({
  channel: 'sms',
  recipient: '13812345678',
  template: 'case.received',
  params: { station: '示范供电所', caseType: '投诉', queryCode: 'Q2026-0001', due: '2026年12月8日 17:00' },
  entity: 'case',
  entityId: 42,
  ...over,
});

describe.each(BACKENDS)('R-OUT-02 notification outbox on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());
  beforeEach(async () => {
    await t.db.deleteFrom('notifications').execute();
  });
  const rows = () => t.db.selectFrom('notifications').selectAll().orderBy('id').execute();

  it('renders at enqueue time and stores subject, body and params', async () => {
    const id = await enqueue(t.db, received());
    const [row] = await rows();
    expect(row).toMatchObject({
      id,
      channel: 'sms',
      recipient: '13812345678',
      template: 'case.received',
      status: 'pending',
      attempts: 0,
      entity: 'case',
      entity_id: '42',
      dedupe_key: null,
      sent_at: null,
      subject: '您的投诉已受理',
      params: { station: '示范供电所', caseType: '投诉', queryCode: 'Q2026-0001', due: '2026年12月8日 17:00' },
    });
    expect(row!.body).toContain('我们将在2026年12月8日 17:00前答复您');
    expect(row!.body).toContain('Q2026-0001');
  });

  it('English is rendered when asked for', async () => {
    await enqueue(t.db, received({ lang: 'en', params: { station: 'Demo station', caseType: 'complaint', queryCode: 'Q1', due: '8 Dec 2026 17:00' } }));
    const [row] = await rows();
    expect(row!.subject).toBe('Your complaint has been received');
    expect(row!.body).toContain('before 8 Dec 2026 17:00');
  });

  it('a notification queued in a transaction that rolls back is not queued', async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await enqueue(tx, received());
        throw new Error('case change refused');
      }),
    ).rejects.toThrow('case change refused');
    expect(await rows()).toEqual([]);
    await t.db.transaction().execute(async (tx) => {
      await enqueue(tx, received());
    });
    expect(await rows()).toHaveLength(1);
  });

  it('the same dedupe key queues one row; the second enqueue returns null', async () => {
    const first = await enqueue(
      t.db,
      received({
        template: 'case.reminder',
        channel: 'log',
        recipient: 'user:7',
        dedupeKey: 'case:42:reminder:2026-12-08T09:00Z',
        params: { queryCode: 'Q1', caseType: '投诉', used: '80%', due: '12月8日 17:00' },
      }),
    );
    const second = await enqueue(
      t.db,
      received({
        template: 'case.reminder',
        channel: 'log',
        recipient: 'user:7',
        dedupeKey: 'case:42:reminder:2026-12-08T09:00Z',
        params: { queryCode: 'Q1', caseType: '投诉', used: '80%', due: '12月8日 17:00' },
      }),
    );
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    expect(await rows()).toHaveLength(1);
  });

  it('a future due time is kept', async () => {
    const dueAt = new Date(Date.now() + 3600_000);
    await enqueue(t.db, received({ dueAt }));
    expect((await rows())[0]!.next_attempt_at.getTime()).toBe(dueAt.getTime());
  });

  it('cancel drops pending reminders of one entity, by template prefix or all', async () => {
    const reminder = {
      template: 'case.reminder' as const,
      channel: 'log' as const,
      recipient: 'user:7',
      params: { queryCode: 'Q1', caseType: '投诉', used: '80%', due: '17:00' },
    };
    const overdue = {
      template: 'case.overdue' as const,
      channel: 'log' as const,
      recipient: 'user:7',
      params: { queryCode: 'Q1', caseType: '投诉', due: '17:00', assignee: '孙丽' },
    };
    await enqueue(t.db, received({ ...reminder, dedupeKey: 'r42' }));
    await enqueue(t.db, received({ ...overdue }));
    await enqueue(t.db, received({ ...reminder, entityId: 43 }));
    const sentId = await enqueue(t.db, received());
    await t.db.updateTable('notifications').set({ status: 'sent', sent_at: new Date() }).where('id', '=', sentId!).execute();

    expect(await cancel(t.db, { entity: 'case', entityId: 42, templatePrefix: 'case.reminder' })).toBe(1);
    expect(await cancel(t.db, { entity: 'case', entityId: '42' })).toBe(1);
    const byTemplate = (await rows()).map((r) => [r.template, r.entity_id, r.status]);
    expect(byTemplate).toEqual([
      ['case.reminder', '42', 'cancelled'],
      ['case.overdue', '42', 'cancelled'],
      ['case.reminder', '43', 'pending'],
      ['case.received', '42', 'sent'],
    ]);
    // A cancelled reminder still holds its dedupe key: the same reminder is not queued again.
    expect(await enqueue(t.db, received({ ...reminder, dedupeKey: 'r42' }))).toBeNull();
  });

  it('R-PUB-03 a banned evasive phrase in a param is refused, naming the param; nothing is queued', async () => {
    const err = await enqueue(
      t.db,
      received({
        template: 'case.resolved',
        params: { station: '示范供电所', caseType: '咨询', queryCode: 'Q1', result: '原因不 清楚，请问别人去', phone: '95598' },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation_failed');
    expect((err as AppError).fields.map((f) => f.field)).toEqual(['params.result']);
    expect((err as AppError).messageZh).toContain('不清楚');
    expect(await rows()).toEqual([]);
  });

  it('a missing param is an error naming it', async () => {
    const err = await enqueue(t.db, received({ params: { station: '示范供电所', caseType: '投诉', queryCode: 'Q1' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).param).toBe('due');
    expect(await rows()).toEqual([]);
  });
});
