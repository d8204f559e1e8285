// Everything a database needs before use: the schema, and the data the schema alone cannot
// carry (the builtin commitment profiles, default tariffs and the default metering policy).
import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { migrate } from './migrator';
import { ensureBuiltinProfiles } from '../policy/repo';
import { ensureDefaultTariffs } from '../metering/bills';
import { ensureDefaultMeteringPolicy } from '../metering/policy-repo';

export async function prepareDatabase(db: Kysely<DB>): Promise<void> {
  await migrate(db);
  await ensureBuiltinProfiles(db);
  await ensureDefaultTariffs(db);
  await ensureDefaultMeteringPolicy(db);
}
