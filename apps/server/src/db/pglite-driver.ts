// Kysely driver for PGlite running in a worker thread (pglite-worker.ts). PGlite has one
// connection and no isolation between callers, so every query and every transaction goes through
// one gate: a transaction holds the connection until it commits, and nobody else's statement can
// land inside it. Requests' queries go before background work's (db/gate.ts, db/priority.ts).
import {
  type CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { copyPayload, isCopyFromStdin } from './copy';
import { begin, commit, rollback } from './transactions';
import { assertNotInTransaction } from '../platform/transaction-scope';
import { PriorityGate } from './gate';
import { isBackground } from './priority';
import type { PGliteThread } from './pglite-thread';

export interface PGliteDriverOptions {
  /** log statements that take longer than this (ms) */
  slowQueryMs?: number | undefined;
  log?: (msg: string) => void;
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly thread: PGliteThread,
    private readonly opts: PGliteDriverOptions,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const started = this.opts.slowQueryMs === undefined ? 0 : performance.now();
    const copy = isCopyFromStdin(query.sql) ? copyPayload(query) : undefined;
    const res = await this.thread.query(query.sql, copy ? [] : query.parameters, copy);
    if (this.opts.slowQueryMs !== undefined) {
      const ms = performance.now() - started;
      if (ms > this.opts.slowQueryMs)
        (this.opts.log ?? console.warn)(`griddesk: slow statement ${ms.toFixed(0)} ms: ${query.sql.replace(/\s+/g, ' ').slice(0, 240)}`);
    }
    return {
      rows: res.rows as R[],
      ...(res.affectedRows !== undefined ? { numAffectedRows: BigInt(res.affectedRows) } : {}),
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

class PGliteDriver implements Driver {
  private readonly gate = new PriorityGate();
  private readonly holders = new WeakSet<DatabaseConnection>();
  private readonly connection: PGliteConnection;

  constructor(
    private readonly thread: PGliteThread,
    opts: PGliteDriverOptions,
  ) {
    this.connection = new PGliteConnection(thread, opts);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    assertNotInTransaction();
    await this.gate.acquire(isBackground() ? 'background' : 'request');
    // One connection object is shared; each holder gets its own wrapper so a release is its own.
    const holder: DatabaseConnection = {
      executeQuery: (q) => this.connection.executeQuery(q),
      streamQuery: (q) => this.connection.streamQuery(q),
    };
    this.holders.add(holder);
    return holder;
  }
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return begin(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return commit(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return rollback(conn);
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    if (!this.holders.delete(conn)) return;
    this.gate.release();
  }
  async destroy(): Promise<void> {
    await this.thread.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly thread: PGliteThread,
    private readonly opts: PGliteDriverOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.thread, this.opts);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
