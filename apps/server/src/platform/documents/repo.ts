// The SQL of the document module. Every function takes the executor it should run on: the outer
// database for reads, the command's transaction for writes.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { DocumentStatus } from '../../db/schema-documents';

export interface DocumentRow {
  kind: string;
  key: string;
  version: number;
  status: DocumentStatus;
  active: boolean;
  definition: unknown;
  basedOn: string | null;
  note: string | null;
  createdName: string;
  createdAt: Date;
  publishedAt: Date | null;
  publishedName: string | null;
}

const COLUMNS = [
  'kind',
  'key',
  'version',
  'status',
  'active',
  'definition',
  'based_on',
  'note',
  'created_name',
  'created_at',
  'published_at',
  'published_name',
] as const;

type Raw = {
  kind: string;
  key: string;
  version: number;
  status: DocumentStatus;
  active: boolean;
  definition: unknown;
  based_on: string | null;
  note: string | null;
  created_name: string;
  created_at: Date;
  published_at: Date | null;
  published_name: string | null;
};

const toRow = (r: Raw): DocumentRow => ({
  kind: r.kind,
  key: r.key,
  version: r.version,
  status: r.status,
  active: r.active,
  definition: r.definition,
  basedOn: r.based_on,
  note: r.note,
  createdName: r.created_name,
  createdAt: new Date(r.created_at),
  publishedAt: r.published_at ? new Date(r.published_at) : null,
  publishedName: r.published_name,
});

export async function findVersion(db: Kysely<DB>, kind: string, key: string, version: number, opts: { lock?: boolean } = {}): Promise<DocumentRow | undefined> {
  let q = db.selectFrom('documents').select(COLUMNS).where('kind', '=', kind).where('key', '=', key).where('version', '=', version);
  if (opts.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toRow(r);
}

/** The version in force of a key; for a kind with one key in force, pass no key. */
export async function findActive(db: Kysely<DB>, kind: string, key?: string): Promise<DocumentRow | undefined> {
  let q = db.selectFrom('documents').select(COLUMNS).where('kind', '=', kind).where('active', '=', true);
  if (key !== undefined) q = q.where('key', '=', key);
  const r = await q.orderBy('key').executeTakeFirst();
  return r && toRow(r);
}

export async function listActive(db: Kysely<DB>, kind: string): Promise<DocumentRow[]> {
  const rows = await db.selectFrom('documents').select(COLUMNS).where('kind', '=', kind).where('active', '=', true).orderBy('key').execute();
  return rows.map(toRow);
}

export async function listVersions(db: Kysely<DB>, kind: string, key?: string): Promise<DocumentRow[]> {
  let q = db.selectFrom('documents').select(COLUMNS).where('kind', '=', kind);
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q.orderBy('key').orderBy('version', 'desc').execute();
  return rows.map(toRow);
}

export async function nextVersion(tx: Kysely<DB>, kind: string, key: string): Promise<number> {
  // lock the key's versions so two drafts of one key never take the same number
  await sql`select 1 from documents where kind = ${kind} and key = ${key} for update`.execute(tx);
  const r = await tx
    .selectFrom('documents')
    .select(sql<number>`coalesce(max(version), 0)`.as('v'))
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return Number(r.v) + 1;
}

export interface NewVersion {
  kind: string;
  key: string;
  version: number;
  status: DocumentStatus;
  active: boolean;
  definition: unknown;
  basedOn: string | null;
  note: string | null;
  createdBy: number | null;
  createdName: string;
  publishedAt: Date | null;
  publishedName: string | null;
}

export async function insertVersion(tx: Kysely<DB>, v: NewVersion): Promise<void> {
  await tx
    .insertInto('documents')
    .values({
      kind: v.kind,
      key: v.key,
      version: v.version,
      status: v.status,
      active: v.active,
      definition: JSON.stringify(v.definition),
      based_on: v.basedOn,
      note: v.note,
      created_by: v.createdBy,
      created_name: v.createdName,
      published_at: v.publishedAt,
      published_name: v.publishedName,
    })
    .execute();
}

export async function updateDraft(tx: Kysely<DB>, kind: string, key: string, version: number, definition: unknown, note: string | null): Promise<void> {
  await tx
    .updateTable('documents')
    .set({ definition: JSON.stringify(definition), note })
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .execute();
}

/** Takes every version of the key (or of the kind) out of force. */
export async function deactivate(tx: Kysely<DB>, kind: string, key?: string): Promise<void> {
  let q = tx.updateTable('documents').set({ active: false }).where('kind', '=', kind).where('active', '=', true);
  if (key !== undefined) q = q.where('key', '=', key);
  await q.execute();
}

/** Puts one version in force; every other published version of the key becomes superseded. */
export async function putInForce(tx: Kysely<DB>, kind: string, key: string, version: number, by: string, at: Date): Promise<void> {
  await tx
    .updateTable('documents')
    .set({ status: 'superseded' })
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('status', '=', 'published')
    .where('version', '!=', version)
    .execute();
  await tx
    .updateTable('documents')
    .set((eb) => ({
      active: true,
      status: 'published',
      published_at: eb.fn.coalesce('published_at', sql<Date>`${at}::timestamptz`),
      published_name: eb.fn.coalesce('published_name', sql<string>`${by}::text`),
    }))
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('version', '=', version)
    .execute();
}
