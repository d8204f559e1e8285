// Walks the rows of the given stations in a table (customers, meters) as consecutive id ranges, by
// keyset: each step reads the next ids (one short index scan), then hands [lo, hi] to the job's
// chunk, sized by a ChunkSizer so the chunk's statement takes about 30 ms. Nothing reads every id
// at once, and no statement covers more than one chunk.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { ChunkSizer } from './chunks';

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
  let after = 0;
  let done = 0;
  for (;;) {
    const size = sizer.size;
    const next = await db.selectFrom(table).select('id').where('station_id', 'in', ids).where('id', '>', after).orderBy('id').limit(size).execute();
    if (!next.length) break;
    const lo = next[0]!.id;
    const hi = next.at(-1)!.id;
    await sizer.time(next.length, () => chunk(lo, hi));
    done += next.length;
    after = hi;
    await onChunk(done, total);
    if (next.length < size) break;
  }
  return total;
}
