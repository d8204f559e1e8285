// Test databases: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set. Each
// call makes a database of its own (a fresh PGlite, or CREATE DATABASE gd_t_<random>) and drops
// it afterwards, so parallel runs never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Backend, type Database } from '../db/connection';
import { prepareDatabase } from '../db/prepare';

export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(backend: Backend, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({});
    if (opts.migrate !== false) await prepareDatabase(database.db);
    return { ...database, url: undefined, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `gd_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  if (opts.migrate !== false) await prepareDatabase(database.db);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
