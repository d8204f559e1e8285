// The worker thread that owns the embedded database. PGlite runs PostgreSQL compiled to WASM
// synchronously: in the main thread a 2-second statement stops every timer and every other
// request for 2 seconds. Here it stops only this thread; the main thread keeps answering and
// decides (db/gate.ts) whose statement runs next. The type parsers are those of db/types.ts, so
// values arrive exactly as node-postgres gives them on PostgreSQL.
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, OpenRequest, QueryAnswer, QueryRequest, ToWorker } from './pglite-protocol';
import { serializeError } from './pglite-protocol';
import { typeParsers } from './types';

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

async function execute(pg: PGlite, q: QueryRequest): Promise<QueryAnswer> {
  if (q.copy) {
    // PGlite reads COPY input from the virtual file /dev/blob.
    const text = q.sql.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
    const res = await pg.query(text, [], { blob: new Blob([q.copy as Uint8Array<ArrayBuffer>]) });
    return { rows: [], affectedRows: res.affectedRows ?? 0, returnsRows: false };
  }
  // Without parameters use the simple protocol, which also runs multi-statement scripts
  // (migrations) the way node-postgres does.
  const res = q.params.length === 0 ? ((await pg.exec(q.sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 }) : await pg.query(q.sql, q.params);
  const returnsRows = res.fields.length > 0;
  return { rows: res.rows as Record<string, unknown>[], affectedRows: returnsRows ? undefined : res.affectedRows, returnsRows };
}

async function main(): Promise<void> {
  const { dataDir } = (workerData as { data: OpenRequest }).data;
  let pg: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pg = await PGlite.create(dataDir ?? 'memory://', { parsers: typeParsers });
  } catch (e) {
    send({ ready: false, error: serializeError(e) });
    return;
  }
  // Requests arrive one at a time (the main thread's gate); a queue keeps them in order anyway.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    chain = chain.then(async () => {
      if ('close' in m) {
        try {
          await pg.close();
          send({ id: m.id, ok: true, answer: { rows: [], affectedRows: undefined, returnsRows: false } });
        } catch (e) {
          send({ id: m.id, ok: false, error: serializeError(e) });
        }
        port.close();
        return;
      }
      try {
        send({ id: m.id, ok: true, answer: await execute(pg, m) });
      } catch (e) {
        send({ id: m.id, ok: false, error: serializeError(e) });
      }
    });
  });
  send({ ready: true });
}

await main();
