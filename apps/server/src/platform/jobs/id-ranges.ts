// Walks rows as consecutive id ranges, by keyset: each step reads the next ids (one short index
// scan), then hands [lo, hi] to the job's chunk, sized by a ChunkSizer so the chunk takes about
// 30 ms. Nothing reads every id at once, and no statement covers more than one chunk.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { ChunkSizer } from './chunks';

/** The next at most `limit` ids after `after`, ascending. */
export type NextIds = (after: number, limit: number) => Promise<number[]>;

export async function forEachKeyRange(
  nextIds: NextIds,
  total: number,
  chunk: (lo: number, hi: number) => Promise<void>,
  onChunk: (done: number, total: number) => Promise<void> = async () => {},
  sizer: ChunkSizer = new ChunkSizer(100),
): Promise<void> {
  let after = 0;
  let done = 0;
  for (;;) {
    const size = sizer.size;
    const next = await nextIds(after, size);
    if (!next.length) break;
    const lo = next[0]!;
    const hi = next.at(-1)!;
    await sizer.time(next.length, () => chunk(lo, hi));
    done += next.length;
    after = hi;
    await onChunk(Math.min(done, total), total);
    if (next.length < size) break;
  }
}

/** The stations' rows of `table` (customers, meters) in id ranges. */
export async function forEachIdRange(
  db: Kysely<DB>,
  table: 'customers' | 'meters',
  stationIds: readonly number[],
  chunk: (lo: number, hi: number) => Promise<void>,
  onChunk: (done: number, total: number) => Promise<void> = async () => {},
  sizer: ChunkSizer = new ChunkSizer(100),
): Promise<number> {
  const ids = stationIds.length ? [...stationIds] : [-1];
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const total = Number(n);
  const nextIds: NextIds = async (after, limit) =>
    (await db.selectFrom(table).select('id').where('station_id', 'in', ids).where('id', '>', after).orderBy('id').limit(limit).execute()).map((r) => r.id);
  await forEachKeyRange(nextIds, total, chunk, onChunk, sizer);
  return total;
}
