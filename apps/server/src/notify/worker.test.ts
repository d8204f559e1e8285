import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../testing/databases';
import { PermanentSendError, type ChannelAdapter, type ChannelAdapters, type NotifyLog, type OutgoingMessage } from './channel';
import { ConfigError } from '../config';
import { startNotifications } from './index';
import { enqueue } from './outbox';
import { startNotificationWorker, type NotificationWorker, type WorkerOptions } from './worker';

const HOUR = 3600_000;

function recorder(): ChannelAdapter & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { name: 'recorder', sent, send: async (m) => void sent.push(m) };
}
const throwing = (error: Error): ChannelAdapter => ({
  name: 'broken',
  send: async () => {
    throw error;
  },
});
const via = (a: ChannelAdapter): ChannelAdapters => ({ log: a, sms: a, email: a });

function memoryLog(): NotifyLog & { lines: { level: string; msg: string; obj: object }[] } {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, obj });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

describe.each(BACKENDS)('R-OUT-02 notification worker on %s', (backend) => {
  let t: TestDatabase;
  const workers: NotificationWorker[] = [];
  // A long interval: these tests drive rounds with tick(), the timer never fires on its own.
  const start = (adapters: ChannelAdapters, opts: Partial<WorkerOptions> = {}) => {
    const w = startNotificationWorker(t.db, adapters, { intervalMs: HOUR, batch: 10, log: memoryLog(), ...opts });
    workers.push(w);
    return w;
  };
  const queue = (recipient = 'user:1', dueAt?: Date) =>
    enqueue(t.db, {
      channel: 'log',
      recipient,
      template: 'case.overdue',
      dueAt,
      params: { queryCode: 'Q1', caseType: '投诉', due: '12月8日 17:00', assignee: '孙丽' },
    });
  const row = (id: number | null) => t.db.selectFrom('notifications').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
  /** seconds from the database's now() to the row's next attempt */
  const waitS = async (id: number | null) =>
    (await sql<{ s: number }>`select extract(epoch from next_attempt_at - now())::float8 as s from notifications where id = ${id}`.execute(t.db)).rows[0]!.s;
  const makeDue = (id: number | null) => t.db.updateTable('notifications').set({ next_attempt_at: sql<Date>`now()` }).where('id', '=', id!).execute();

  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());
  beforeEach(async () => {
    await t.db.deleteFrom('notifications').execute();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it('sends due rows and leaves future ones pending', async () => {
    const a = recorder();
    const due = await queue('user:1');
    const later = await queue('user:2', new Date(Date.now() + HOUR));
    const w = start(via(a));
    expect(await w.tick()).toBe(1);
    expect(a.sent.map((m) => m.recipient)).toEqual(['user:1']);
    expect(a.sent[0]!.body).toContain('工单Q1（投诉）已超过办理时限');
    expect(await row(due)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(Date) });
    expect(await row(later)).toMatchObject({ status: 'pending', attempts: 0, sent_at: null });
    expect(await w.tick()).toBe(0);
  });

  it('each channel goes to its own adapter', async () => {
    const sms = recorder();
    const email = recorder();
    const log = recorder();
    await enqueue(t.db, {
      channel: 'sms',
      recipient: '13812345678',
      template: 'case.received',
      params: { station: 'S', caseType: '投诉', queryCode: 'Q', due: 'D' },
    });
    await enqueue(t.db, {
      channel: 'email',
      recipient: 'a@b.cn',
      template: 'case.received',
      params: { station: 'S', caseType: '投诉', queryCode: 'Q', due: 'D' },
    });
    await start({ sms, email, log }).tick();
    expect([sms.sent.length, email.sent.length, log.sent.length]).toEqual([1, 1, 0]);
    expect(email.sent[0]!.subject).toBe('您的投诉已受理');
  });

  it('a failing send backs off exponentially, then the row fails after the last attempt', async () => {
    const log = memoryLog();
    const id = await queue();
    const w = start(via(throwing(new Error('gateway down'))), { maxAttempts: 3, retryBaseMs: 60_000, log });
    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway down' });
    expect(await waitS(id)).toBeGreaterThan(55);
    expect(await waitS(id)).toBeLessThanOrEqual(60);
    expect(await w.tick()).toBe(0);

    await makeDue(id);
    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 2 });
    expect(await waitS(id)).toBeGreaterThan(115);

    await makeDue(id);
    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'gateway down', sent_at: null });
    await makeDue(id);
    expect(await w.tick()).toBe(0);
    // every attempt is logged (R-OUT-02)
    expect(log.lines.map((l) => l.msg)).toEqual([
      'notification attempt failed; will retry',
      'notification attempt failed; will retry',
      'notification failed for good',
    ]);
  });

  it('a permanent error (malformed address) fails at once', async () => {
    const id = await queue();
    await start(via(throwing(new PermanentSendError('recipient is not a phone number')))).tick();
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'recipient is not a phone number' });
  });

  it('a channel that never answers counts as a failed attempt', async () => {
    const id = await queue();
    const hanging: ChannelAdapter = { name: 'hanging', send: () => new Promise(() => {}) };
    await start(via(hanging), { sendTimeoutMs: 50 }).tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'no answer from the channel within 50 ms' });
  });

  it('a restart loses nothing: what one worker left is sent by the next', async () => {
    const first = start(via(recorder()));
    const id = await queue();
    await first.stop();
    await expect(first.tick()).rejects.toThrow(/stopped/);
    expect((await row(id)).status).toBe('pending');
    const a = recorder();
    expect(await start(via(a)).tick()).toBe(1);
    expect(a.sent.map((m) => m.id)).toEqual([id]);
    expect((await row(id)).status).toBe('sent');
  });

  it('a row left in sending by a dead process returns once its claim lapses', async () => {
    const lapsed = await queue('user:1');
    const fresh = await queue('user:2');
    const lastTry = await queue('user:3');
    await t.db
      .updateTable('notifications')
      .set({ status: 'sending', attempts: 1, next_attempt_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', lapsed!)
      .execute();
    await t.db
      .updateTable('notifications')
      .set({ status: 'sending', attempts: 1, next_attempt_at: sql<Date>`now() + interval '5 minutes'` })
      .where('id', '=', fresh!)
      .execute();
    await t.db
      .updateTable('notifications')
      .set({ status: 'sending', attempts: 6, next_attempt_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', lastTry!)
      .execute();
    const a = recorder();
    await start(via(a), { maxAttempts: 6 }).tick();
    expect(a.sent.map((m) => m.id)).toEqual([lapsed]);
    expect(await row(lapsed)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await row(fresh)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await row(lastTry)).toMatchObject({ status: 'failed', attempts: 6, last_error: 'interrupted while sending (claim timed out)' });
  });

  it('two workers on one database never send a row twice', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => queue(`user:${i}`)));
    const a = recorder();
    const b = recorder();
    const slow = (r: ReturnType<typeof recorder>): ChannelAdapter => ({
      name: r.name,
      send: async (m) => {
        await new Promise((res) => setTimeout(res, 5));
        await r.send(m);
      },
    });
    const wa = start(via(slow(a)), { batch: 7 });
    const wb = start(via(slow(b)), { batch: 7 });
    while ((await Promise.all([wa.tick(), wb.tick()])).some((n) => n > 0));
    const sentIds = [...a.sent, ...b.sent].map((m) => m.id).sort((x, y) => x - y);
    expect(sentIds).toEqual([...ids].sort((x, y) => x! - y!));
  });

  it('the timer sends on its own, and stop() waits for the round in progress', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: number[] = [];
    const gated: ChannelAdapter = {
      name: 'gated',
      send: async (m) => {
        await gate;
        sent.push(m.id);
      },
    };
    const id = await queue();
    const w = startNotificationWorker(t.db, via(gated), { intervalMs: 20, batch: 10, log: memoryLog() });
    await vi.waitFor(async () => expect((await row(id)).status).toBe('sending'));
    const stopping = w.stop();
    setTimeout(release, 30);
    await stopping;
    expect(sent).toEqual([id]);
    expect((await row(id)).status).toBe('sent');
  });

  it('startNotifications: with no gateway configured, an SMS is delivered to the log, recipient masked', async () => {
    const log = memoryLog();
    const id = await enqueue(t.db, {
      channel: 'sms',
      recipient: '13812345678',
      template: 'case.received',
      params: { station: 'S', caseType: '投诉', queryCode: 'Q', due: 'D' },
    });
    const w = startNotifications(t.db, { NOTIFY_INTERVAL_MS: String(HOUR) }, log);
    workers.push(w);
    await w.tick();
    expect((await row(id)).status).toBe('sent');
    const delivered = log.lines.find((l) => l.msg === 'notification delivered to the log');
    expect(delivered?.obj).toMatchObject({ channel: 'sms', to: '138****5678' });
    expect(log.lines.find((l) => l.msg === 'notification sent')?.obj).toMatchObject({ via: 'log (no sms gateway configured)' });
    expect(() => startNotifications(t.db, { SMTP_URL: 'smtp://mail' }, log)).toThrow(ConfigError);
  });
});
