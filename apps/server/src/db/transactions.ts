// The transaction statements both drivers send: Kysely leaves begin/commit/rollback to the driver.
import { CompiledQuery, type DatabaseConnection, type TransactionSettings } from 'kysely';

export async function begin(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
  const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
  await conn.executeQuery(CompiledQuery.raw(`begin${iso}`));
}

export async function commit(conn: DatabaseConnection): Promise<void> {
  await conn.executeQuery(CompiledQuery.raw('commit'));
}

export async function rollback(conn: DatabaseConnection): Promise<void> {
  await conn.executeQuery(CompiledQuery.raw('rollback'));
}
