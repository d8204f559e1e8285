// Boot: config → database → migrations → first-start data → app → listen.
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { prepareDatabase } from './db/prepare';
import { buildApp } from './http/app';
import type { App } from './http/context';
import { ensureAdmin } from './org/bootstrap';
import { purgeExpiredSessions } from './org/sessions';
import { hasStations, loadDemo } from './demo/load';
import { VERSION } from './version';
import { systemClock } from './platform/clock';
import { startNotifications } from './notify';
import { startCaseScanner } from './cases/scanner';
import { backfillWorkflow } from './platform/workflow';
import { startLineLossRefresh } from './metering/line-loss/refresh';
import { jobRegistry } from './job-kinds';
import { Jobs } from './platform/jobs/service';
import { recoverInterruptedJobs } from './platform/jobs/repo';
import { stopCompute } from './platform/threads/compute';
import { inBackground } from './db/priority';

export interface Started {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function openAndMigrate(config: Pick<Config, 'databaseUrl' | 'dataDir'> & { slowQueryMs?: number | undefined }): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    slowQueryMs: config.slowQueryMs,
  });
  await prepareDatabase(database.db);
  return database;
}

export async function start(config: Config, opts: { demo?: boolean } = {}): Promise<Started> {
  const database = await openAndMigrate(config);
  const db = database.db;
  // Jobs a crash left running: queued again when they can resume, otherwise failed with the reason.
  // Only this process can have the PGlite directory open, so every running job there is such a
  // job; on PostgreSQL another process may be running one, so only those whose heartbeat stopped.
  const recovered = await recoverInterruptedJobs(db, { staleAfterMs: database.backend === 'pglite' ? 0 : 60_000, now: systemClock.now() });
  if (recovered.requeued.length || recovered.failed.length) {
    console.log(`griddesk: jobs interrupted by the last stop — queued again: [${recovered.requeued.join(', ')}], failed: [${recovered.failed.join(', ')}]`);
  }
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
  const jobs = new Jobs(db, jobRegistry(), systemClock);
  const app = await buildApp({ database, config, version: VERSION, clock: systemClock, jobs });
  // Background work runs from tables in the same database, so a restart loses nothing.
  // (the outbox worker's timers run in the background priority too: created inside inBackground)
  const notifications = inBackground(() => startNotifications(db, process.env, app.log));
  const scanner = startCaseScanner(db, { intervalMs: 60_000, log: app.log, clock: systemClock });
  const lossRefresh = startLineLossRefresh(db, { intervalMs: 5 * 60_000, log: app.log });
  jobs.startWorker({ log: app.log });
  const url = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    database,
    url,
    async stop() {
      // the job in progress ends at its next progress report: queued again or failed as interrupted
      await jobs.stopWorker();
      await scanner.stop();
      await lossRefresh.stop();
      await notifications.stop();
      await app.close();
      await stopCompute();
      await database.close();
    },
  };
}
