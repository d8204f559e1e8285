import { loadConfig } from '../config';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrator';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    const applied = await migrate(database.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  } finally {
    await database.close();
  }
}
