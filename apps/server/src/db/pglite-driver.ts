// Kysely driver for in-process PGlite. PGlite has one connection and no isolation between
// callers, so every query and every transaction goes through one mutex: a transaction holds
// the connection until it commits, and nobody else's statement can land inside it.
import type { PGlite } from '@electric-sql/pglite';
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

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return acquired;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (isCopyFromStdin(query.sql)) {
      // PGlite reads COPY input from the virtual file /dev/blob.
      const sqlText = query.sql.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
      const res = await this.pg.query(sqlText, [], { blob: new Blob([copyPayload(query) as Uint8Array<ArrayBuffer>]) });
      return { rows: [], numAffectedRows: BigInt(res.affectedRows ?? 0) };
    }
    // Without parameters use the simple protocol, which also runs multi-statement scripts
    // (migrations) the way node-postgres does.
    const res =
      query.parameters.length === 0
        ? ((await this.pg.exec(query.sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 })
        : await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    const affected = res.affectedRows;
    return {
      rows: res.rows as R[],
      ...(affected !== undefined && res.fields.length === 0 ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

class PGliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  private readonly connection: PGliteConnection;

  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg);
  }
  async init(): Promise<void> {
    await this.pg.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    assertNotInTransaction();
    const release = await this.mutex.lock();
    // One PGlite connection object is shared; wrap it so each holder has its own release.
    const holder: DatabaseConnection = {
      executeQuery: (q) => this.connection.executeQuery(q),
      streamQuery: (q) => this.connection.streamQuery(q),
    };
    this.releases.set(holder, release);
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
    this.releases.get(conn)?.();
    this.releases.delete(conn);
  }
  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
