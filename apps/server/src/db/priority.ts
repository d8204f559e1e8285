// Whose database work waits. Code run through `inBackground` (jobs, periodic scans) is marked in its
// async context; everything else — the queries of HTTP requests — goes first when both wait for
// PGlite's one connection (db/gate.ts). On PostgreSQL, with a pool, the mark changes nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

export function inBackground<T>(fn: () => T): T {
  return background.run(true, fn);
}

export function isBackground(): boolean {
  return background.getStore() === true;
}
