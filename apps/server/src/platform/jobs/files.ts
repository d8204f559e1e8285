// A job's files in the database, in parts of at most 256 KB: an import's upload (input), an
// export's result (output). In the database rather than on disk so that, on PostgreSQL with
// several processes, whichever process answers the download has the file; in parts so that no
// single statement moves more than that. The bytes travel as base64 text, decoded and encoded by
// the database: PGlite's own bytea parameter and result conversion runs in JavaScript and took
// 10–20× longer for a 256 KB part (60–250 ms against 4–9 ms, measured here).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

export const PART_BYTES = 256 * 1024;
export type JobFileRole = 'input' | 'output';

/** Stores the chunks as parts (replacing an earlier file of the same role); returns the bytes written. */
export async function writeJobFile(
  db: Kysely<DB>,
  jobId: number,
  role: JobFileRole,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<number> {
  await db.deleteFrom('job_files').where('job_id', '=', jobId).where('role', '=', role).execute();
  let part = 0;
  let bytes = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const content = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    for (let at = 0; at < content.length; at += PART_BYTES) {
      const base64 = content.subarray(at, Math.min(content.length, at + PART_BYTES)).toString('base64');
      await db
        .insertInto('job_files')
        .values({ job_id: jobId, role, part: part++, content: sql<Uint8Array>`decode(${base64}, 'base64')` })
        .execute();
    }
  };
  for await (const c of chunks) {
    pending.push(c);
    pendingBytes += c.byteLength;
    bytes += c.byteLength;
    if (pendingBytes >= PART_BYTES) await flush();
  }
  await flush();
  return bytes;
}

/** The parts of a file in order, one statement each. */
export async function* readJobFile(db: Kysely<DB>, jobId: number, role: JobFileRole): AsyncGenerator<Buffer> {
  for (let part = 0; ; part++) {
    const row = await db
      .selectFrom('job_files')
      .select(sql<string>`encode(content, 'base64')`.as('content'))
      .where('job_id', '=', jobId)
      .where('role', '=', role)
      .where('part', '=', part)
      .executeTakeFirst();
    if (!row) return;
    yield Buffer.from(row.content, 'base64');
  }
}

export async function hasJobFile(db: Kysely<DB>, jobId: number, role: JobFileRole): Promise<boolean> {
  return !!(await db.selectFrom('job_files').select('part').where('job_id', '=', jobId).where('role', '=', role).where('part', '=', 0).executeTakeFirst());
}

export async function readWholeJobFile(db: Kysely<DB>, jobId: number, role: JobFileRole): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of readJobFile(db, jobId, role)) parts.push(p);
  return Buffer.concat(parts);
}

/** An import's upload is not needed once its job has finished. */
export async function dropInput(db: Kysely<DB>, jobId: number): Promise<void> {
  await db.deleteFrom('job_files').where('job_id', '=', jobId).where('role', '=', 'input').execute();
}

/** Exports' files are kept for `keepDays` after their job finished, then removed (the job row stays). */
export async function purgeOldJobFiles(db: Kysely<DB>, keepDays: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const res = await db
    .deleteFrom('job_files')
    .where('job_id', 'in', (eb) => eb.selectFrom('jobs').select('id').where('finished_at', '<', before))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
