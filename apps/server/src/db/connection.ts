// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite on disk
// (or in memory when no directory is given, as the tests do).
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { PGliteDialect } from './pglite-driver';
import { PgDialect, createPgPool } from './pg-driver';
import { typeParsers } from './types';
import type { DB } from './schema';
import { guardTransactions } from '../platform/transaction-scope';

export type Backend = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly backend: Backend;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; omitted = in-memory. */
  dataDir?: string | undefined;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = createPgPool(opts.databaseUrl);
    const db = guardTransactions(new Kysely<DB>({ dialect: new PgDialect(pool) }));
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pg = await PGlite.create(opts.dataDir ?? 'memory://', { parsers: typeParsers });
  const db = guardTransactions(new Kysely<DB>({ dialect: new PGliteDialect(pg) }));
  return { db, backend: 'pglite', close: () => db.destroy() };
}
