// Bulk load through COPY on both backends. A COPY … FROM STDIN statement travels through Kysely
// as an ordinary compiled query whose single parameter is the CSV payload; each driver
// recognises it and feeds the payload the way its backend wants.
import type { DB } from './schema';
import { CompiledQuery, type Kysely } from 'kysely';

export function isCopyFromStdin(text: string): boolean {
  return /^\s*copy\s[\s\S]*\sfrom\s+stdin/i.test(text);
}

export function copyPayload(query: CompiledQuery): Buffer {
  const p = query.parameters[0];
  if (typeof p === 'string') return Buffer.from(p, 'utf8');
  if (p instanceof Uint8Array) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
  throw new Error('COPY FROM STDIN needs the payload as its only parameter');
}

/** COPY CSV rows (no header) into `table(columns)` on whatever executor is given (db or transaction). */
export async function copyCsv(executor: Kysely<DB>, table: string, columns: readonly string[], payload: string | Buffer): Promise<void> {
  const ident = (s: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`unsafe identifier ${s}`);
    return s;
  };
  const text = `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  await executor.executeQuery(CompiledQuery.raw(text, [payload]));
}
