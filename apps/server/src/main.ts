// Boot: config → database → migrations → first-start data → app → listen.
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { prepareDatabase } from './db/prepare';
import { buildApp } from './http/app';
import type { App } from './http/context';
import { ensureAdmin } from './org/bootstrap';
import { purgeExpiredSessions } from './org/sessions';
import { failInterruptedJobs } from './ledger/jobs';
import { hasStations, loadDemo } from './demo/load';
import { VERSION } from './version';
import { systemClock } from './platform/clock';
import { startNotifications } from './notify';
import { startCaseScanner } from './cases/scanner';
import { backfillWorkflow } from './platform/workflow';
import { startLineLossRefresh } from './metering/line-loss-refresh';

export interface Started {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function openAndMigrate(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  await prepareDatabase(database.db);
  return database;
}

export async function start(config: Config, opts: { demo?: boolean } = {}): Promise<Started> {
  const database = await openAndMigrate(config);
  const db = database.db;
  await failInterruptedJobs(db);
  await purgeExpiredSessions(db);
  if (opts.demo !== false && !(await hasStations(db))) {
    console.log('griddesk: empty database — loading the demo station 示范供电所 …');
    const t0 = Date.now();
    const demo = await loadDemo(db, { staffPassword: process.env.GRIDDESK_DEMO_PASSWORD });
    console.log(`griddesk: demo loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(demo.counts)}`);
  }
  // clocks of items opened before the workflow projection existed (once per subject kind)
  const backfilled = await backfillWorkflow(db, systemClock.now());
  if (Object.values(backfilled).some((n) => n > 0)) console.log(`griddesk: workflow clocks projected for ${JSON.stringify(backfilled)}`);
  const generated = await ensureAdmin(db, config.adminPassword);
  if (generated) {
    console.log(`\n  griddesk: created user "admin" with password: ${generated}\n  (shown once — set GRIDDESK_ADMIN_PASSWORD to choose it)\n`);
  }
  const app = await buildApp({ database, config, version: VERSION, clock: systemClock });
  // Background work runs from tables in the same database, so a restart loses nothing.
  const notifications = startNotifications(db, process.env, app.log);
  const scanner = startCaseScanner(db, { intervalMs: 60_000, log: app.log, clock: systemClock });
  const lossRefresh = startLineLossRefresh(db, { intervalMs: 5 * 60_000, log: app.log });
  const url = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    database,
    url,
    async stop() {
      await scanner.stop();
      await lossRefresh.stop();
      await notifications.stop();
      await app.close();
      await database.close();
    },
  };
}
