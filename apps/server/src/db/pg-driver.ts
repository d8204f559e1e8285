// Kysely driver for PostgreSQL through node-postgres, with COPY FROM STDIN via pg-copy-streams.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
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
import { typeParsers } from './types';

/** `/* prepared:NAME *\/` at the start of a statement: hot statements the server runs over and over. */
const PREPARED_MARK = /^\/\* prepared:([a-z0-9-]+) \*\//;
/** The statement name of each marked text (a marked statement may have a few shapes; each gets its own). */
const preparedNames = new Map<string, string>();

/**
 * A marked statement is prepared once per connection and then only bound and executed, so
 * PostgreSQL parses and plans it once and the text is not sent again: the case registration is one
 * large statement of six inserts, whose parse and plan cost more than its execution. Only marked
 * statements, because node-postgres never deallocates a prepared statement and ad-hoc texts are unbounded.
 */
function statementName(text: string): string | undefined {
  const mark = PREPARED_MARK.exec(text);
  if (!mark) return undefined;
  let name = preparedNames.get(text);
  if (!name) {
    name = `${mark[1]}-${preparedNames.size}`;
    preparedNames.set(text, name);
  }
  return name;
}

class PgConnection implements DatabaseConnection {
  constructor(readonly client: pg.PoolClient) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (isCopyFromStdin(query.sql)) {
      const stream = this.client.query(copyFrom(query.sql));
      await pipeline(Readable.from([copyPayload(query)]), stream);
      return { rows: [], numAffectedRows: BigInt(stream.rowCount ?? 0) };
    }
    const name = statementName(query.sql);
    const res = await this.client.query({ text: query.sql, values: query.parameters as unknown[], ...(name ? { name } : {}) });
    const isSelect = res.command === 'SELECT' || res.fields?.length > 0;
    return {
      rows: (res.rows ?? []) as R[],
      ...(!isSelect && res.rowCount != null ? { numAffectedRows: BigInt(res.rowCount) } : {}),
    };
  }
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

class PgDriver implements Driver {
  private readonly conns = new WeakMap<pg.PoolClient, PgConnection>();
  constructor(private readonly pool: pg.Pool) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    assertNotInTransaction();
    const client = await this.pool.connect();
    let conn = this.conns.get(client);
    if (!conn) {
      conn = new PgConnection(client);
      this.conns.set(client, conn);
    }
    return conn;
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
    (conn as PgConnection).client.release();
  }
  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

export function createPgPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client dropped by the server (restart, failover, DROP DATABASE … FORCE) emits
  // 'error' on the pool; unhandled, that would kill the process. The pool replaces the client.
  pool.on('error', (err) => {
    console.warn(`griddesk: idle PostgreSQL connection lost: ${err.message}`);
  });
  return pool;
}

export class PgDialect implements Dialect {
  constructor(private readonly pool: pg.Pool) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgDriver(this.pool);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
