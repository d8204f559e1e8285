// Server-side sessions: the browser holds a random token in an httpOnly cookie; the database
// holds only its SHA-256, so a leaked table does not hand out sessions. Ending a user's sessions
// (disabled, password reset or changed) is a DELETE: the next request with that cookie is a 401.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { rootOf } from '../platform/transaction-scope';

export const SESSION_COOKIE = 'griddesk_session';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  ttlHours: number,
  meta: { ip?: string; userAgent?: string | undefined; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date((meta.now ?? new Date()).getTime() + ttlHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({ id: digest(token), user_id: userId, expires_at: expiresAt, ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return { token, expiresAt };
}

function readSession(db: Kysely<DB>, id: string) {
  return (
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.roles', 'users.org_unit_id', 'users.must_change_password', 'sessions.expires_at'])
      // read in the same round trip: the org tree a process keeps is still the current one while this holds
      .select((eb) => eb.selectFrom('org_revision').select('revision').as('org_revision'))
      .where('sessions.id', '=', id)
      .where('users.active', '=', true)
      .executeTakeFirst()
  );
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

/**
 * Sessions this process has just looked up, for a moment: a busy console sends several requests a
 * second with one cookie, and each would otherwise pay a round trip before its own work. Ending a
 * session here (sign-out, a disabled user, a changed password) forgets the process's entries at
 * once; another process's entries live at most this long.
 */
export const SESSION_CACHE_MS = 2_000;
const looked = new WeakMap<object, Map<string, { at: number; row: Promise<SessionRow | undefined> }>>();

function cacheOf(db: Kysely<DB>) {
  const root = rootOf(db);
  let c = looked.get(root);
  if (!c) {
    c = new Map();
    looked.set(root, c);
  }
  return c;
}

/** Forgets every session this process keeps for the database (after sessions were ended). */
export function forgetSessions(db: Kysely<DB>): void {
  looked.delete(rootOf(db));
}

/** The user of a live session; `now` is the request's instant, the clock the session was made by. */
export async function sessionUser(db: Kysely<DB>, token: string, now: Date): Promise<Omit<SessionRow, 'expires_at'> | undefined> {
  const id = digest(token);
  const cache = cacheOf(db);
  const t = Date.now();
  let hit = cache.get(id);
  if (!hit || t - hit.at > SESSION_CACHE_MS) {
    if (cache.size > 10_000) cache.clear();
    hit = { at: t, row: readSession(db, id) };
    cache.set(id, hit);
    hit.row.catch(() => cache.delete(id));
  }
  const row = await hit.row;
  if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
  const { expires_at: _, ...user } = row;
  return user;
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
  forgetSessions(db);
}

/** Ends every session of a user except the one holding `keepToken`; answers how many ended. */
export async function endSessionsOf(db: Kysely<DB>, userId: number, keepToken?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken !== undefined) q = q.where('id', '<>', digest(keepToken));
  const r = await q.executeTakeFirst();
  forgetSessions(db);
  return Number(r.numDeletedRows);
}

export async function purgeExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();
}
