// A job's files in the database, in parts of at most a megabyte: an import's upload (input), an
// export's result (output). In the database rather than on disk so that, on PostgreSQL with
// several processes, whichever process answers the download has the file; in parts so that no
// single statement moves more than a megabyte.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export const PART_BYTES = 1024 * 1024;
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
      await db
        .insertInto('job_files')
        .values({ job_id: jobId, role, part: part++, content: content.subarray(at, Math.min(content.length, at + PART_BYTES)) })
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
      .select('content')
      .where('job_id', '=', jobId)
      .where('role', '=', role)
      .where('part', '=', part)
      .executeTakeFirst();
    if (!row) return;
    yield Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
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
