// Knows whether the running code is inside a transaction. PGlite has one connection: a query on the
// outer database from inside a transaction would wait for that same transaction forever, and on
// PostgreSQL it would silently run outside it. Both drivers ask here before taking a connection and
// refuse at once with a message that says what to do.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction, TransactionBuilder } from 'kysely';

const scope = new AsyncLocalStorage<true>();
// the database each open transaction belongs to, so caches of the outer database serve it too
const roots = new WeakMap<object, object>();

/** The outer database of a transaction (itself for the outer database). */
export function rootOf<D extends object>(db: D): D {
  return (roots.get(db) as D | undefined) ?? db;
}

export class OuterQueryInTransactionError extends Error {
  constructor() {
    super('a query on the outer database was made inside a transaction: use the transaction handle (tx) there / 事务内使用了外层数据库连接，请改用事务句柄');
    this.name = 'OuterQueryInTransactionError';
  }
}

export function assertNotInTransaction(): void {
  if (scope.getStore()) throw new OuterQueryInTransactionError();
}

/** Runs `fn` outside any transaction scope, for work a transaction starts but must not be part of. */
export function detached<T>(fn: () => T): T {
  return scope.exit(fn);
}

function guard<DB>(builder: TransactionBuilder<DB>, root: Kysely<DB>): TransactionBuilder<DB> {
  return new Proxy(builder, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return <T>(callback: (trx: Transaction<DB>) => Promise<T>) =>
          target.execute((trx) => {
            roots.set(trx, root);
            return scope.run(true, () => callback(trx));
          });
      }
      if (prop === 'setIsolationLevel' || prop === 'setAccessMode') {
        return (value: never) => guard((target[prop] as (v: never) => TransactionBuilder<DB>).call(target, value), root);
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Makes every `db.transaction().execute(cb)` run `cb` inside the scope. */
export function guardTransactions<DB>(db: Kysely<DB>): Kysely<DB> {
  const original = db.transaction.bind(db);
  db.transaction = () => guard(original(), db);
  return db;
}
