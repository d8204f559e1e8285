// The messages between the main thread and the PGlite worker thread (pglite-worker.ts). One
// statement (or a multi-statement script without parameters) per request; a COPY … FROM STDIN
// carries its payload. Errors keep the PostgreSQL fields platform/db-errors.ts maps to 409/422.

export interface OpenRequest {
  /** PGlite directory; undefined = in memory */
  dataDir: string | undefined;
}

export interface QueryRequest {
  id: number;
  sql: string;
  params: unknown[];
  /** COPY … FROM STDIN: the CSV payload, fed to PGlite as /dev/blob */
  copy?: Uint8Array;
}

export interface CloseRequest {
  id: number;
  close: true;
}

export type ToWorker = QueryRequest | CloseRequest;

export interface QueryAnswer {
  rows: Record<string, unknown>[];
  /** rows changed by INSERT/UPDATE/DELETE/COPY; undefined for a statement that returns rows */
  affectedRows: number | undefined;
  /** the statement returned a row description (a SELECT, or RETURNING) */
  returnsRows: boolean;
}

/** The fields of a PostgreSQL error the server reads; all optional but the message. */
export interface SerializedDbError {
  name: string;
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  column?: string;
  table?: string;
  schema?: string;
  severity?: string;
  position?: string;
  where?: string;
  dataType?: string;
}

export type FromWorker =
  | { ready: true }
  | { ready: false; error: SerializedDbError }
  | { id: number; ok: true; answer: QueryAnswer }
  | { id: number; ok: false; error: SerializedDbError };

const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'column', 'table', 'schema', 'severity', 'position', 'where', 'dataType'] as const;

export function serializeError(e: unknown): SerializedDbError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const out: SerializedDbError = { name: e.name, message: e.message };
  const src = e as unknown as Record<string, unknown>;
  for (const f of ERROR_FIELDS) if (typeof src[f] === 'string') out[f] = src[f] as string;
  return out;
}

/** An error from the database, rebuilt on the main thread with the same fields as node-postgres gives. */
export class DbError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  column?: string;
  table?: string;
  schema?: string;
  severity?: string;
  position?: string;
  where?: string;
  dataType?: string;
  constructor(e: SerializedDbError) {
    super(e.message);
    this.name = e.name === 'Error' ? 'DbError' : e.name;
    for (const f of ERROR_FIELDS) if (e[f] !== undefined) this[f] = e[f];
  }
}
