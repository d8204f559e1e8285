// Embedded PGlite in its worker thread: values come back as on PostgreSQL, COPY works, one
// transaction at a time holds the connection, errors keep PostgreSQL's fields (and so map to
// 409/422), a query on the outer database inside a transaction fails at once, requests' queries
// go before background work's, and a long statement no longer stops the main thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kysely, sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/databases';
import { copyCsv } from './copy';
import { inBackground } from './priority';
import { dbErrorToAppError } from '../platform/db-errors';
import { OuterQueryInTransactionError } from '../platform/transaction-scope';
import { PriorityGate } from './gate';

describe('PGlite in a worker thread', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('pglite', { migrate: false });
    await sql`create table thing (id int primary key, code text not null unique, qty numeric(12, 4), day date, at timestamptz, n int8, tags text[], doc jsonb, raw bytea)`.execute(
      t.db,
    );
  });
  afterAll(async () => t?.drop());

  it('parameterised queries return the types of db/types.ts: int8 number, numeric string, date key, timestamptz Date', async () => {
    await sql`insert into thing values (${1}, ${'A'}, ${'12.5'}, ${'2026-02-17'}, ${new Date('2026-02-17T08:00:00Z')}, ${9_007_199_254_740_000}, ${['x', 'y']}, ${JSON.stringify({ a: [1, 2] })}, ${Buffer.from('hi')})`.execute(
      t.db,
    );
    const r = await sql<Record<string, unknown>>`select * from thing where id = ${1} and code = ${'A'}`.execute(t.db);
    expect(r.rows[0]).toMatchObject({ id: 1, code: 'A', qty: '12.5000', day: '2026-02-17', n: 9_007_199_254_740_000, tags: ['x', 'y'], doc: { a: [1, 2] } });
    expect(r.rows[0]!.at).toBeInstanceOf(Date);
    expect((r.rows[0]!.at as Date).toISOString()).toBe('2026-02-17T08:00:00.000Z');
    expect(Buffer.from(r.rows[0]!.raw as Uint8Array).toString()).toBe('hi');
    const things = t.db as unknown as Kysely<{ thing: { id: number; code: string } }>;
    const counted = await things
      .selectFrom('thing')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(counted.n).toBe(1);
    const upd = await things.updateTable('thing').set({ code: 'A1' }).where('id', '=', 1).executeTakeFirst();
    expect(upd.numUpdatedRows).toBe(1n);
  });

  it('COPY … FROM STDIN loads a CSV payload, in a transaction too', async () => {
    await copyCsv(t.db, 'thing', ['id', 'code', 'qty'], '10,C10,1.5\n11,"C,11",2\n');
    await t.db.transaction().execute((tx) => copyCsv(tx, 'thing', ['id', 'code'], Buffer.from('12,C12\n')));
    const r = await sql<{ code: string }>`select code from thing where id >= 10 order by id`.execute(t.db);
    expect(r.rows.map((x) => x.code)).toEqual(['C10', 'C,11', 'C12']);
  });

  it('a multi-statement script without parameters runs whole (migrations)', async () => {
    await sql.raw('create table s1 (a int); insert into s1 values (1); insert into s1 values (2);').execute(t.db);
    expect((await sql<{ n: number }>`select count(*) as n from s1`.execute(t.db)).rows[0]!.n).toBe(2);
  });

  it('errors keep their PostgreSQL code, detail and constraint, and map to 409 / 422', async () => {
    const dup = await sql`insert into thing (id, code) values (${20}, ${'C10'})`.execute(t.db).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: '23505', constraint: 'thing_code_key', detail: 'Key (code)=(C10) already exists.' });
    expect(dbErrorToAppError(dup)).toMatchObject({ code: 'conflict', status: 409, fields: [{ field: 'code', value: 'C10' }] });
    const nul = await sql`insert into thing (id, code) values (${21}, ${null})`.execute(t.db).catch((e: unknown) => e);
    expect(nul).toMatchObject({ code: '23502', column: 'code' });
    expect(dbErrorToAppError(nul)).toMatchObject({ code: 'validation_failed', status: 422, fields: [{ field: 'code', reasonZh: '必填' }] });
    const syntax = await sql`selec 1`.execute(t.db).catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: '42601' });
    // the connection is still usable after an error
    expect((await sql<{ one: number }>`select 1 as one`.execute(t.db)).rows[0]!.one).toBe(1);
  });

  it('a failed transaction rolls back, and the next caller gets a clean connection', async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await sql`insert into thing (id, code) values (${30}, ${'T30'})`.execute(tx);
        await sql`insert into thing (id, code) values (${31}, ${'T30'})`.execute(tx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await sql<{ n: number }>`select count(*) as n from thing where id in (30, 31)`.execute(t.db)).rows[0]!.n).toBe(0);
  });

  it('transactions hold the one connection: a second waits for the first to commit', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = t.db.transaction().execute(async (tx) => {
      events.push('first:begin');
      await sql`insert into thing (id, code) values (${40}, ${'T40'})`.execute(tx);
      await gate;
      events.push('first:commit');
    });
    await new Promise((r) => setTimeout(r, 20));
    const second = t.db.transaction().execute(async (tx) => {
      events.push('second:begin');
      const r = await sql<{ n: number }>`select count(*) as n from thing where id = 40`.execute(tx);
      events.push(`second:sees ${r.rows[0]!.n}`);
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first:begin', 'first:commit', 'second:begin', 'second:sees 1']);
  });

  it('a query on the outer database inside a transaction throws at once instead of waiting forever', async () => {
    const started = Date.now();
    await expect(
      t.db.transaction().execute(async () => {
        await sql`select 1`.execute(t.db);
      }),
    ).rejects.toBeInstanceOf(OuterQueryInTransactionError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('waiting requests go before waiting background work', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const holder = t.db.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      await gate;
    });
    await new Promise((r) => setTimeout(r, 20));
    const background = [1, 2, 3].map((i) =>
      inBackground(async () => {
        await sql`select ${i}::int as i`.execute(t.db);
        order.push(`background ${i}`);
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    const request = (async () => {
      // a request's statements come one after another: each goes before the background's
      await sql`select 1`.execute(t.db);
      order.push('request 1');
      await sql`select 2`.execute(t.db);
      order.push('request 2');
    })();
    release();
    await Promise.all([holder, request, ...background]);
    expect(order).toEqual(['request 1', 'request 2', 'background 1', 'background 2', 'background 3']);
  });

  it('a long statement in the worker thread does not stop a timer on the main thread', async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const started = performance.now();
    await sql`select count(*) from generate_series(1, 4000000) g where g % 7 = 3`.execute(t.db);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThan(200); // long enough to tell: in-process it stopped every timer
    const gaps = ticks.slice(1).map((x, i) => x - ticks[i]!);
    // ~one tick per 10 ms while it ran; allow for a busy machine, but not for a stopped loop
    expect(ticks.length).toBeGreaterThan(took / 10 / 4);
    expect(Math.max(...gaps)).toBeLessThan(took / 2);
  });
});

describe('the priority gate', () => {
  it('hands a released connection to a waiting request first, and to background work only after a turn of the event loop', async () => {
    const gate = new PriorityGate();
    const order: string[] = [];
    await gate.acquire('request');
    const bg = gate.acquire('background').then(() => order.push('background'));
    const rq = gate.acquire('request').then(() => order.push('request'));
    expect(gate.waiting).toEqual({ requests: 1, background: 1 });
    gate.release();
    await rq;
    // the request releases; a new request asking in the same turn still goes first
    gate.release();
    const rq2 = gate.acquire('request').then(() => order.push('request 2'));
    await rq2;
    gate.release();
    await bg;
    gate.release();
    expect(order).toEqual(['request', 'request 2', 'background']);
  });
});
