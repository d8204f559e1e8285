// The jobs engine on both backends: queue, run with progress, succeed, fail with the error shape,
// recover after a restart (resumable ones queued again, the others failed as interrupted), stop in
// the middle of a job, and never run one job twice when two workers share a database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../../testing/databases';
import { ADMIN_PASSWORD, createTestApp, login, type TestApp, waitForJob } from '../../testing/app';
import { AppError } from '../../errors';
import { ManualClock } from '../clock';
import type { CommandContext } from '../commands';
import { defineJob, JobRegistry } from './kind';
import { enqueueJob, recoverInterruptedJobs } from './repo';
import { purgeOldJobFiles, readWholeJobFile } from './files';
import { Jobs } from './service';
import { JobWorker } from './worker';

const silent = { info() {}, warn() {}, error() {} };
const T0 = new Date('2026-03-02T01:00:00Z');

/** A gate a test opens when it wants a job to go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe.each(BACKENDS)('jobs engine on %s', (backend) => {
  let t: TestDatabase;
  const clock = new ManualClock(T0);
  const seen: { kind: string; params: unknown; now: Date; jobId: number }[] = [];
  let hold = gate();
  const runs = new Map<number, number>();

  const registry = new JobRegistry([
    defineJob<{ n: number }, { doubled: number }>({
      kind: 'test.double',
      permission: 'metering.run',
      resumable: true,
      async run(ctx, p) {
        seen.push({ kind: 'test.double', params: p, now: ctx.now, jobId: ctx.jobId });
        for (let i = 1; i <= 4; i++) await ctx.progress(i, 4, 'counting');
        return { doubled: p.n * 2 };
      },
    }),
    defineJob<object, never>({
      kind: 'test.refuse',
      permission: 'metering.run',
      resumable: false,
      async run() {
        throw new AppError('validation_failed', '期间：须为月份', 'period: must be a month', [
          { field: 'period', reason: 'must be a month', reasonZh: '须为月份' },
        ]);
      },
    }),
    defineJob<object, never>({
      kind: 'test.crash',
      permission: 'metering.run',
      resumable: false,
      async run() {
        throw new TypeError('x is not a function');
      },
    }),
    defineJob<{ resumable: boolean }, string>({
      kind: 'test.wait',
      permission: 'metering.run',
      resumable: true,
      async run(ctx) {
        await ctx.progress(0, 1, 'waiting');
        await hold.opened;
        await ctx.progress(1, 1, 'waiting'); // a stopping server ends the job here
        return 'done';
      },
    }),
    defineJob<{ resumable: boolean }, string>({
      kind: 'test.wait.once',
      permission: 'metering.run',
      resumable: false,
      async run(ctx) {
        await ctx.progress(0, 1, 'waiting');
        await hold.opened;
        await ctx.progress(1, 1, 'waiting');
        return 'done';
      },
    }),
    defineJob<object, { bytes: number; text: string }>({
      kind: 'test.file',
      permission: 'metering.run',
      resumable: false,
      async run(ctx) {
        const input = await ctx.readInput();
        const bytes = await ctx.writeOutput(
          (async function* () {
            yield Buffer.from(input.toString('utf8').toUpperCase());
            yield Buffer.alloc(300 * 1024, 0x61); // more than one part
          })(),
        );
        return { bytes, text: input.toString('utf8') };
      },
    }),
    defineJob<{ i: number }, number>({
      kind: 'test.count',
      permission: 'metering.run',
      resumable: true,
      async run(ctx, p) {
        runs.set(p.i, (runs.get(p.i) ?? 0) + 1);
        await sql`select 1`.execute(ctx.db);
        return p.i;
      },
    }),
  ]);
  const system = (): CommandContext => ({ db: t.db, actor: null, now: clock.now() });
  const job = (id: number) => t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  let jobs: Jobs;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());
  beforeEach(async () => {
    await jobs?.stopWorker();
    await t.db.deleteFrom('jobs').execute();
    jobs = new Jobs(t.db, registry, clock);
    hold = gate();
  });

  it('a queued job runs with its params and the clock, reports progress and succeeds with its result', async () => {
    const id = await jobs.start(system(), 'test.double', { n: 21 });
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 0, created_at: T0, resumable: true });
    jobs.startWorker({ log: silent });
    const done = await jobs.waitFor(id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { doubled: 42 },
      progress: { done: 4, total: 4, phase: 'done' },
      error: null,
      attempts: 1,
      started_at: T0,
      finished_at: T0,
    });
    expect(seen.at(-1)).toEqual({ kind: 'test.double', params: { n: 21 }, now: T0, jobId: id });
  });

  it('progress is written while the job runs', async () => {
    jobs.startWorker({ log: silent });
    const id = await jobs.start(system(), 'test.wait', { resumable: true });
    await expect.poll(async () => (await job(id)).progress, { timeout: 10_000 }).toEqual({ done: 0, total: 1, phase: 'waiting' });
    expect((await job(id)).status).toBe('running');
    hold.open();
    expect(await jobs.waitFor(id)).toMatchObject({ status: 'succeeded', result: 'done' });
  });

  it('a job that fails keeps its error: code, Chinese and English message, and the fields', async () => {
    jobs.startWorker({ log: silent });
    const refused = await jobs.waitFor(await jobs.start(system(), 'test.refuse', {}));
    expect(refused).toMatchObject({ status: 'failed', result: null });
    expect(refused.error).toEqual({
      code: 'validation_failed',
      message: '期间：须为月份',
      messageEn: 'period: must be a month',
      fields: [{ field: 'period', reason: 'must be a month', reasonZh: '须为月份' }],
    });
    const crashed = await jobs.waitFor(await jobs.start(system(), 'test.crash', {}));
    expect(crashed.error).toMatchObject({
      code: 'internal',
      message: expect.stringContaining('任务执行出错'),
      messageEn: expect.stringContaining('x is not a function'),
    });
  });

  it('a job whose starter lacks its permission is refused before it is queued', async () => {
    const clerk = {
      id: 1,
      username: 'x',
      displayName: 'x',
      roles: [],
      permissions: [],
      orgUnitId: 1,
      unitIds: [],
      workUnitIds: [],
      stationIds: [],
      mustChangePassword: false,
    };
    await expect(jobs.start({ db: t.db, actor: clerk, now: clock.now() }, 'test.double', { n: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('after a crash: a resumable job is queued again and runs, the others are failed as interrupted; none is lost', async () => {
    const crashed = async (kind: string, resumable: boolean, attempts = 1) => {
      const id = await enqueueJob(t.db, { kind, params: { n: 5 }, actor: null, stationIds: [], resumable, now: T0 });
      await t.db.updateTable('jobs').set({ status: 'running', attempts, started_at: T0 }).where('id', '=', id).execute();
      return id;
    };
    const again = await crashed('test.double', true);
    const lost = await crashed('test.wait.once', false);
    const tooOften = await crashed('test.double', true, 3);
    const recovered = await recoverInterruptedJobs(t.db, { staleAfterMs: 0, now: clock.now() });
    expect(recovered).toEqual({ requeued: [again], failed: [lost, tooOften] });
    expect(await job(lost)).toMatchObject({
      status: 'failed',
      error: { code: 'interrupted', message: '服务重启导致任务中断，请重新发起', messageEn: 'Interrupted by a restart of the server; please start it again' },
    });
    expect((await job(tooOften)).error).toMatchObject({ code: 'interrupted', messageEn: expect.stringContaining('too many times') });
    expect(await job(again)).toMatchObject({ status: 'queued', started_at: null });
    jobs.startWorker({ log: silent });
    expect(await jobs.waitFor(again)).toMatchObject({ status: 'succeeded', result: { doubled: 10 }, attempts: 2 });
  });

  it('a running job with a live heartbeat is left alone (another process is running it)', async () => {
    const id = await enqueueJob(t.db, { kind: 'test.double', params: { n: 1 }, actor: null, stationIds: [], resumable: true, now: T0 });
    await t.db.updateTable('jobs').set({ status: 'running', heartbeat_at: sql`now()` }).where('id', '=', id).execute();
    expect(await recoverInterruptedJobs(t.db, { staleAfterMs: 60_000, now: clock.now() })).toEqual({ requeued: [], failed: [] });
    expect((await job(id)).status).toBe('running');
  });

  it('stopping the server mid-job: a resumable job goes back to the queue, another fails as interrupted', async () => {
    jobs.startWorker({ log: silent });
    const resumable = await jobs.start(system(), 'test.wait', { resumable: true });
    await expect.poll(async () => (await job(resumable)).status, { timeout: 10_000 }).toBe('running');
    const stopping = jobs.stopWorker();
    hold.open();
    await stopping;
    expect(await job(resumable)).toMatchObject({ status: 'queued', attempts: 1 });

    hold = gate();
    await t.db.deleteFrom('jobs').execute();
    jobs = new Jobs(t.db, registry, clock);
    jobs.startWorker({ log: silent });
    const once = await jobs.start(system(), 'test.wait.once', { resumable: false });
    await expect.poll(async () => (await job(once)).status, { timeout: 10_000 }).toBe('running');
    const stop2 = jobs.stopWorker();
    hold.open();
    await stop2;
    expect(await job(once)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
  });

  it('two workers on one database never run the same job', async () => {
    runs.clear();
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueueJob(t.db, { kind: 'test.count', params: { i }, actor: null, stationIds: [], resumable: true, now: T0 }));
    const a = new JobWorker(t.db, registry, clock, { log: silent, pollMs: 20 }).start();
    const b = new JobWorker(t.db, registry, clock, { log: silent, pollMs: 20 }).start();
    await expect
      .poll(async () => (await t.db.selectFrom('jobs').select('status').where('status', '=', 'succeeded').execute()).length, { timeout: 20_000 })
      .toBe(12);
    await Promise.all([a.stop(), b.stop()]);
    expect([...runs.entries()].sort(([x], [y]) => x - y)).toEqual(ids.map((_, i) => [i, 1]));
  });

  it('files: the upload is read by the job and removed once it finished; the output is kept in parts, then purged', async () => {
    jobs.startWorker({ log: silent });
    const id = await jobs.start(system(), 'test.file', {}, { input: Buffer.from('ledger,文件\n') });
    const done = await jobs.waitFor(id);
    expect(done).toMatchObject({ status: 'succeeded', result: { text: 'ledger,文件\n', bytes: Buffer.byteLength('LEDGER,文件\n') + 300 * 1024 } });
    const parts = await t.db.selectFrom('job_files').select(['role', 'part']).where('job_id', '=', id).orderBy('part').execute();
    expect(parts).toEqual([
      { role: 'output', part: 0 },
      { role: 'output', part: 1 },
    ]);
    const whole = await readWholeJobFile(t.db, id, 'output');
    expect(whole.subarray(0, Buffer.byteLength('LEDGER,文件\n')).toString()).toBe('LEDGER,文件\n');
    expect(whole.length).toBe((done.result as { bytes: number }).bytes);
    expect(await purgeOldJobFiles(t.db, 7, clock.now())).toBe(0);
    clock.advance(8 * 86_400_000);
    expect(await purgeOldJobFiles(t.db, 7, clock.now())).toBe(2);
    clock.set(T0);
    expect((await job(id)).status).toBe('succeeded');
  });

  it('a job of a kind this process does not know is left in the queue', async () => {
    const id = await enqueueJob(t.db, { kind: 'test.elsewhere', params: {}, actor: null, stationIds: [], resumable: true, now: T0 });
    const w = new JobWorker(t.db, registry, clock, { log: silent, pollMs: 20 }).start();
    await new Promise((r) => setTimeout(r, 150));
    await w.stop();
    expect((await job(id)).status).toBe('queued');
  });
});

describe.each(BACKENDS)('jobs over HTTP on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    // no worker at first: the test sees a job queued, then starts the worker
    t = await createTestApp(backend, { jobs: false });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('starting work answers 202 with the job; the job is followed to its result, its file only once it has one', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/ledger/exports', headers: { cookie: admin }, payload: { kind: 'feeders', format: 'csv' } });
    expect(start.statusCode, start.body).toBe(202);
    const { jobId } = start.json();
    expect(jobId).toBeGreaterThan(0);
    const queued = await t.app.inject({ url: `/api/jobs/${jobId}`, headers: { cookie: admin } });
    expect(queued.json()).toEqual({
      id: jobId,
      kind: 'ledger.export',
      status: 'queued',
      progress: null,
      result: null,
      error: null,
      createdAt: expect.any(String),
      startedAt: null,
      finishedAt: null,
    });
    const early = await t.app.inject({ url: `/api/jobs/${jobId}/file`, headers: { cookie: admin } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'conflict', message: expect.any(String), messageEn: expect.any(String) });

    t.jobs.startWorker({ log: t.app.log, pollMs: 50 });
    const done = await waitForJob(t.app, admin, jobId);
    expect(done).toMatchObject({ status: 'succeeded', result: { kind: 'feeders', rows: 0, file: { bytes: expect.any(Number) } } });
    const file = await t.app.inject({ url: `/api/jobs/${jobId}/file`, headers: { cookie: admin } });
    expect(file.statusCode).toBe(200);
    expect(file.body.replace(/^\uFEFF/, '')).toBe('feeder_code,name,station_code\n');
  });

  it('an unknown or foreign job is a 404 naming the job; a bad id a 4xx naming the field; no session a 401', async () => {
    const missing = await t.app.inject({ url: '/api/jobs/999999', headers: { cookie: admin } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', message: '任务不存在或不在您的管辖范围内' });
    const bad = await t.app.inject({ url: '/api/jobs/abc', headers: { cookie: admin } });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(JSON.stringify(bad.json())).toContain('id');
    expect((await t.app.inject({ url: '/api/jobs/1' })).statusCode).toBe(401);
  });

  it('OpenAPI shows the jobs routes with their 2xx schemas, and 202 on the routes that start jobs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/jobs/{id}'].get.responses['200'].content['application/json'].schema.properties.status).toBeDefined();
    expect(doc.paths['/api/jobs'].get.responses['200']).toBeDefined();
    for (const path of ['/api/metering/theft/runs', '/api/metering/lineloss/runs', '/api/bills/compute', '/api/ledger/exports']) {
      expect(doc.paths[path].post.responses['202'].content['application/json'].schema.properties.jobId, path).toBeDefined();
    }
  });
});
