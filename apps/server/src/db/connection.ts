// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite on disk (or in
// memory when no directory is given, as the tests do), running in a worker thread of its own.
import { Kysely } from 'kysely';
import { PGliteDialect } from './pglite-driver';
import { PGliteThread } from './pglite-thread';
import { PgDialect, createPgPool } from './pg-driver';
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
  /** PGlite: log statements slower than this many ms */
  slowQueryMs?: number | undefined;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = createPgPool(opts.databaseUrl);
    const db = guardTransactions(new Kysely<DB>({ dialect: new PgDialect(pool) }));
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  const thread = await PGliteThread.open(opts.dataDir);
  const db = guardTransactions(new Kysely<DB>({ dialect: new PGliteDialect(thread, { slowQueryMs: opts.slowQueryMs }) }));
  return { db, backend: 'pglite', close: () => db.destroy() };
}
