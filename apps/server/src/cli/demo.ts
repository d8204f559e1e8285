import { loadConfig } from '../config';
import { openAndMigrate } from '../main';
import { hasStations, loadDemo } from '../demo/load';

export async function run(_args: string[]): Promise<number> {
  const database = await openAndMigrate(loadConfig());
  try {
    if (await hasStations(database.db)) {
      console.error('the database already has a station; the demo loads only into an empty database / 数据库已有供电所，演示数据只能载入空库');
      return 1;
    }
    const r = await loadDemo(database.db, { staffPassword: process.env.GRIDDESK_DEMO_PASSWORD, log: console.log });
    console.log(`demo loaded: ${JSON.stringify(r.counts)}`);
    return 0;
  } finally {
    await database.close();
  }
}
