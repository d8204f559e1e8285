// An application over a test database, driven with fastify.inject (no port).
import { loadConfig } from '../config';
import { buildApp } from '../http/app';
import { type Clock, systemClock } from '../platform/clock';
import type { App } from '../http/context';
import type { Backend } from '../db/connection';
import { ensureAdmin } from '../org/bootstrap';
import { loadDemo } from '../demo/load';
import { createTestDatabase, type TestDatabase } from './databases';

export const ADMIN_PASSWORD = 'admin-test-pw';
export const STAFF_PASSWORD = 'staff-test-pw';

export interface TestApp {
  app: App;
  database: TestDatabase;
  clock: Clock;
  close(): Promise<void>;
}

export async function createTestApp(backend: Backend, opts: { demo?: boolean | 'metering'; now?: Date; clock?: Clock } = {}): Promise<TestApp> {
  const database = await createTestDatabase(backend);
  // the demo's metering year costs seconds per test file; the tests that need it ask for it
  if (opts.demo) await loadDemo(database.db, { staffPassword: STAFF_PASSWORD, metering: opts.demo === 'metering', ...(opts.now ? { now: opts.now } : {}) });
  await ensureAdmin(database.db, ADMIN_PASSWORD);
  const config = { ...loadConfig({}), webDist: '/nonexistent' };
  const clock = opts.clock ?? systemClock;
  const app = await buildApp({ database, config, version: 'test', clock }, { logger: false });
  return {
    app,
    database,
    clock,
    async close() {
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
