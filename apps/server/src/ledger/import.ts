// R-LED-03: all-or-nothing ledger import. Every row is checked first; one bad row rejects the
// file with a row-by-row report and nothing is written. A clean file is COPYed into a staging
// table and merged in one transaction, with its audit rows (R-SYS-02).
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { IMPORT_COLUMNS, IMPORT_FILE_KINDS, type ApiErrorField, type ImportFileKind } from '@griddesk/shared';
import { reasons, type Raw } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { copyCsv } from '../db/copy';
import type { AuditActor } from '../audit/write';
import { writeAudit } from '../audit/write';
import { refreshStatistics } from '../db/statistics';
import { readTable } from './files';
import { loadRefs } from './refs';
import { IMPORT_KINDS, csvRecord } from './import-kinds';

export const MAX_LISTED_ERRORS = 1000;
const IMPORT_LOCK = 4_770_222;
const PROGRESS_EVERY = 5000;

export type ImportPhase = 'parsing' | 'validating' | 'writing' | 'done';
export type ProgressFn = (p: { phase: ImportPhase; processed: number; total: number }) => void | Promise<void>;

export interface ImportActor {
  audit: AuditActor;
  stationIds: number[];
  /**
   * Only for the command line, which runs with the machine owner's full rights: a feeder file
   * naming a station code that is not in the org tree yet creates that station under this
   * county, in the same transaction as the feeders. Clerks on the web never create org units.
   */
  createStationsUnder?: number;
}

export interface ImportResult {
  status: 'succeeded' | 'rejected';
  rows: number;
  inserted: number;
  updated: number;
  errors: ApiErrorField[];
}

class Rejected extends Error {
  constructor(readonly errors: ApiErrorField[]) {
    super('rejected');
  }
}

function problem(line: number, field: string, value: string, r: { reason: string; reasonZh: string }): ApiErrorField {
  return { row: line, record: line - 1, field, value, reason: r.reason, reasonZh: r.reasonZh };
}

export async function importLedger(
  db: Kysely<DB>,
  actor: ImportActor,
  kind: ImportFileKind,
  filename: string,
  data: Buffer,
  onProgress: ProgressFn = () => {},
): Promise<ImportResult> {
  const spec = IMPORT_KINDS[kind];
  await onProgress({ phase: 'parsing', processed: 0, total: 0 });
  // The reference maps load while the file parses (on PostgreSQL the server works meanwhile).
  const refsLoading = loadRefs(db, kind, actor.stationIds);
  refsLoading.catch(() => {}); // awaited below; not an unhandled rejection if parsing fails first
  const table = await readTable(kind, filename, data);
  const total = table.rows.length;
  const rejected = (errors: ApiErrorField[]): ImportResult => ({ status: 'rejected', rows: total, inserted: 0, updated: 0, errors });

  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !table.keys.includes(c.key));
  if (missing.length) return rejected(missing.map((c) => problem(1, c.key, '', reasons.missingColumn())));

  const known = IMPORT_COLUMNS[kind].map((c) => c.key);
  const index = known.map((k) => [k, table.keys.indexOf(k)] as const).filter(([, i]) => i >= 0);
  const refs = await refsLoading;
  const newStations =
    kind === 'feeders' && actor.createStationsUnder !== undefined
      ? placeholdStations(refs.stations as Map<string, number>, table.rows, table.keys.indexOf('station_code'))
      : new Map<string, number>();

  const errors: ApiErrorField[] = [];
  let errorCount = 0;
  const fail = (p: ApiErrorField) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(p);
  };
  const firstLineOfKey = new Map<string, number>();
  // the checked records as CSV for COPY into the staging table, each after its file line
  const staged: string[] = [];
  const partitions = new Set<string>();
  // One object for every row: the checks read it and keep nothing of it.
  const raw: Record<string, string> = {};
  await onProgress({ phase: 'validating', processed: 0, total });
  for (let i = 0; i < total; i++) {
    const cells = table.rows[i]!;
    const line = i + 2; // the header is line 1, as a spreadsheet shows it
    if (cells.length === 0 || (cells.length === 1 && cells[0]!.trim() === '')) continue;
    for (const [k, col] of index) raw[k] = cells[col] ?? '';
    const checked = spec.check(raw as Raw, refs);
    if (!checked.ok) {
      for (const p of checked.problems) fail(problem(line, p.field, p.value, p));
    } else {
      const key = spec.key(checked.value);
      const first = firstLineOfKey.get(key);
      if (first !== undefined) fail(problem(line, spec.keyField, key, reasons.duplicate(first)));
      else {
        firstLineOfKey.set(key, line);
        if (errorCount === 0) {
          staged.push(`${line},${spec.record ? spec.record(checked.value) : csvRecord(spec.cells(checked.value))}\n`);
          if (spec.partition) partitions.add(spec.partition.value(checked.value));
        }
      }
    }
    if ((i + 1) % PROGRESS_EVERY === 0) {
      await onProgress({ phase: 'validating', processed: i + 1, total });
      await yieldToLoop(); // let other requests (progress polls) in between chunks
    }
  }
  if (errorCount > errors.length) errors.push(problem(1, 'file', '', reasons.tooManyErrors(errors.length)));
  if (errorCount) return rejected(errors);
  if (firstLineOfKey.size === 0) return rejected([problem(2, 'file', '', reasons.empty())]);

  await onProgress({ phase: 'writing', processed: total, total });
  try {
    const counts = await db.transaction().execute(async (tx) => {
      const stationIds = await createStations(tx, actor, newStations);
      return merge(tx, actor, kind, staged.join(''), { filename, data, rows: staged.length, partitions: [...partitions] }, stationIds);
    });
    await refreshStatistics(db, spec.table, counts.inserted + counts.updated);
    await onProgress({ phase: 'done', processed: total, total });
    return { status: 'succeeded', rows: firstLineOfKey.size, ...counts, errors: [] };
  } catch (e) {
    if (e instanceof Rejected) return rejected(e.errors);
    throw e;
  }
}

async function merge(
  tx: Kysely<DB>,
  actor: ImportActor,
  kind: ImportFileKind,
  payload: string,
  file: { filename: string; data: Buffer; rows: number /** the values of spec.partition in the file */; partitions: string[] },
  /** placeholder id → id of the station created for it */
  newStations: ReadonlyMap<number, number>,
): Promise<{ inserted: number; updated: number }> {
  const spec = IMPORT_KINDS[kind];
  const cols = spec.columns;
  const key = spec.keyColumn;
  const t = sql.table(spec.table);
  const stageDefs = cols.map((c, i) => `${c} ${spec.types[i]}`).join(', ');
  // One import of a kind at a time: two overlapping files would otherwise both count their keys
  // as new and misreport what they changed.
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, ${IMPORT_FILE_KINDS.indexOf(kind)})`.execute(tx);

  // For a partitioned kind (readings: period) the file's keys can only be in the file's
  // partitions, and an index leads on the partition column. When it finds no row of them at
  // all — a new month — none of the keys exists: nothing to refuse, nothing changes, no
  // before-images, so none of the key joins below is needed. Otherwise each of them is
  // restricted to those partitions, so it reads the file's months, not the whole table.
  const part = spec.partition;
  const inPartitions = part && sql`t.${sql.ref(part.column)} = any(${file.partitions}::${sql.raw(spec.types[cols.indexOf(part.column)]!)}[])`;
  const within = inPartitions ? sql` and ${inPartitions}` : sql``;
  const fresh = inPartitions !== undefined && (await sql`select 1 as hit from ${t} t where ${inPartitions} limit 1`.execute(tx)).rows.length === 0;

  await sql.raw(`create temp table gd_stage (line integer, ${stageDefs}) on commit drop`).execute(tx);
  await copyCsv(tx, 'gd_stage', ['line', ...cols], payload);
  for (const [placeholder, real] of newStations) {
    await sql`update gd_stage set station_id = ${real} where station_id = ${placeholder}`.execute(tx);
  }

  const matches = sql`${t} t on t.${sql.ref(key)} = s.${sql.ref(key)}${within}`;
  let existingCount = 0;
  if (!fresh) {
    // a temp table has no statistics until analysed, and the restricted joins are planned on them
    if (part) await sql`analyze gd_stage`.execute(tx);
    const existing = await sql<{ n: number }>`select count(*) as n from gd_stage s join ${matches}`.execute(tx);
    existingCount = existing.rows[0]?.n ?? 0;
  }

  const list = sql.join(cols.map((c) => sql.ref(c)));
  let updated = 0;
  if (existingCount === 0) {
    // Only new keys (the usual first load): nothing to refuse, nothing changes, so no
    // before-images; a plain insert, without the cost of conflict handling.
    await sql`insert into ${t} (${list}) select ${list} from gd_stage`.execute(tx);
  } else {
    // A key already owned by a station outside the importer's scope is never overwritten.
    const foreign = await sql<{ line: number; k: string }>`
      select s.line, s.${sql.ref(key)} as k from gd_stage s join ${matches}
      where not (t.station_id = any(${actor.stationIds}::int[])) order by s.line limit ${MAX_LISTED_ERRORS}`.execute(tx);
    if (foreign.rows.length) {
      throw new Rejected(
        foreign.rows.map((r) =>
          problem(r.line, spec.keyField, r.k, {
            reason: 'this key already belongs to another organisation',
            reasonZh: '该编号已属于其他单位，不能覆盖',
          }),
        ),
      );
    }

    const tCols = sql.join(cols.map((c) => sql`t.${sql.ref(c)}`));
    const sCols = sql.join(cols.map((c) => sql`s.${sql.ref(c)}`));
    const entity = spec.table.replace(/s$/, '');
    // Before-images of the records this import changes go to the audit trail row by row.
    const changed = await sql`
      insert into audit_log (actor_id, actor_name, org_unit_id, entity, entity_id, action, before, after)
      select ${actor.audit.id}, ${actor.audit.name}, ${actor.audit.orgUnitId}, ${entity}, t.id::text, 'import.update',
             to_jsonb(t) - 'created_at' - 'updated_at', to_jsonb(s) - 'line'
      from gd_stage s join ${matches}
      where (${tCols}) is distinct from (${sCols})`.execute(tx);
    updated = Number(changed.numAffectedRows ?? 0n);

    const sets = sql.join(cols.filter((c) => c !== key).map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
    await sql`
      insert into ${t} (${list}) select ${list} from gd_stage
      on conflict (${sql.ref(key)}) do update set ${sets}, updated_at = now()${spec.onChange ? sql.raw(`, ${spec.onChange}`) : sql``}
      where (${sql.join(cols.map((c) => sql`${t}.${sql.ref(c)}`))}) is distinct from (${sql.join(cols.map((c) => sql`excluded.${sql.ref(c)}`))})`.execute(tx);
  }

  const inserted = file.rows - existingCount;
  if (spec.afterWrite && inserted + updated > 0) await spec.afterWrite(tx, file.partitions);
  await writeAudit(tx, actor.audit, {
    entity: 'ledger_import',
    entityId: kind,
    action: `import.${kind}`,
    after: {
      filename: file.filename,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      rows: file.rows,
      inserted,
      updated,
    },
  });
  return { inserted, updated };
}

/** Gives every unknown, well-formed station code a negative placeholder id; returns code → placeholder. */
function placeholdStations(stations: Map<string, number>, rows: string[][], col: number): Map<string, number> {
  const created = new Map<string, number>();
  if (col < 0) return created;
  for (const cells of rows) {
    const code = (cells[col] ?? '').trim();
    if (code && /^[A-Za-z0-9_-]{1,32}$/.test(code) && !stations.has(code)) {
      const placeholder = -(created.size + 1);
      stations.set(code, placeholder);
      created.set(code, placeholder);
    }
  }
  return created;
}

/** Inserts the stations the placeholders stand for; returns placeholder → real id. */
async function createStations(tx: Kysely<DB>, actor: ImportActor, codes: ReadonlyMap<string, number>): Promise<Map<number, number>> {
  const resolved = new Map<number, number>();
  if (codes.size === 0 || actor.createStationsUnder === undefined) return resolved;
  const parent = await tx.selectFrom('org_units').select(['id', 'path']).where('id', '=', actor.createStationsUnder).executeTakeFirstOrThrow();
  for (const [code, placeholder] of codes) {
    const { id } = await tx
      .insertInto('org_units')
      .values({ code, name: code, kind: 'station', parent_id: parent.id, path: `${parent.path}pending/` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('org_units')
      .set({ path: `${parent.path}${id}/` })
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, actor.audit, { entity: 'org_unit', entityId: id, action: 'create', after: { code, kind: 'station', via: 'feeder import' } });
    actor.stationIds.push(id);
    resolved.set(placeholder, id);
  }
  return resolved;
}
