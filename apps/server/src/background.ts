// Work the server repeats in the background (deadline scans, line-loss refresh): one run at a time,
// errors logged and not thrown, and stop() waits for the run in progress. It runs in the background
// priority: on PGlite its queries wait behind requests' (db/priority.ts).
import { inBackground } from './db/priority';

export interface Periodic {
  stop(): Promise<void>;
}

export function startPeriodic(what: string, intervalMs: number, run: () => Promise<unknown>, log: { error(o: object, msg: string): void }): Periodic {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = inBackground(run)
      .catch((err) => log.error({ err }, `${what} failed`))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
