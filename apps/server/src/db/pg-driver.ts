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

class PgConnection implements DatabaseConnection {
  constructor(readonly client: pg.PoolClient) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (isCopyFromStdin(query.sql)) {
      const stream = this.client.query(copyFrom(query.sql));
      await pipeline(Readable.from([copyPayload(query)]), stream);
      return { rows: [], numAffectedRows: BigInt(stream.rowCount ?? 0) };
    }
    const res = await this.client.query({ text: query.sql, values: query.parameters as unknown[] });
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
