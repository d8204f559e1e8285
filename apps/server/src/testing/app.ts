// An application over a test database, driven with fastify.inject (no port).
import { type Config, loadConfig } from '../config';
import { buildApp } from '../http/app';
import { type Clock, systemClock } from '../platform/clock';
import type { App } from '../http/context';
import type { Backend } from '../db/connection';
import { ensureAdmin } from '../org/bootstrap';
import { loadDemo } from '../demo/load';
import { createTestDatabase, type TestDatabase } from './databases';
import { jobRegistry } from '../job-kinds';
import { Jobs } from '../platform/jobs/service';
import type { JobView } from '@griddesk/shared';

export const ADMIN_PASSWORD = 'admin-test-pw';
export const STAFF_PASSWORD = 'staff-test-pw';

export interface TestApp {
  app: App;
  database: TestDatabase;
  clock: Clock;
  jobs: Jobs;
  close(): Promise<void>;
}

export async function createTestApp(
  backend: Backend,
  opts: {
    demo?: boolean | 'metering';
    now?: Date;
    clock?: Clock;
    /** run queued jobs (default true) */
    jobs?: boolean;
    /** settings that differ from the defaults (no web pages unless webDist is given) */
    config?: Partial<Config>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(backend);
  // the demo's metering year costs seconds per test file; the tests that need it ask for it
  if (opts.demo) await loadDemo(database.db, { staffPassword: STAFF_PASSWORD, metering: opts.demo === 'metering', ...(opts.now ? { now: opts.now } : {}) });
  await ensureAdmin(database.db, ADMIN_PASSWORD);
  const config = { ...loadConfig({}), webDist: '/nonexistent', ...opts.config };
  const clock = opts.clock ?? systemClock;
  const jobs = new Jobs(database.db, jobRegistry(), clock);
  const app = await buildApp({ database, config, version: 'test', clock, jobs }, { logger: false });
  if (opts.jobs !== false) jobs.startWorker({ log: app.log, pollMs: 200 });
  return {
    app,
    database,
    clock,
    jobs,
    async close() {
      await jobs.stopWorker();
      await app.close();
      await database.drop();
    },
  };
}

/** Signs in and returns the Cookie header value to send with later requests. */
export async function login(app: App, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'griddesk_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** A multipart body with one file in field `file`, for inject(). */
export function multipartFile(filename: string, content: string | Buffer, contentType = 'text/csv') {
  const boundary = `----gd${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Waits for a job through the API, as a client does (GET /api/jobs/{id} until it has succeeded or
 * failed), and returns its view.
 */
export async function waitForJob<R = unknown>(app: App, cookie: string, jobId: number, timeoutMs = 60_000): Promise<JobView<R>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ url: `/api/jobs/${jobId}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET /api/jobs/${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json() as JobView<R>;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
