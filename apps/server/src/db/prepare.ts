// Everything a database needs before use: the schema, and the data the schema alone cannot carry
// (the shipped versions of every policy document: commitment profiles, tariffs, the metering
// policy, the role → permission table, limits …).
import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { migrate } from './migrator';
import { seedShippedDocuments } from '../platform/documents/seed';
import { DOCUMENT_KINDS } from '../policy/kinds';

export async function prepareDatabase(db: Kysely<DB>): Promise<void> {
  await migrate(db);
  await seedShippedDocuments(db, DOCUMENT_KINDS);
}
