// Server-side sessions: the browser holds a random token in an httpOnly cookie; the database
// holds only its SHA-256, so a leaked table does not hand out sessions. Ending a user's sessions
// (disabled, password reset or changed) is a DELETE: the next request with that cookie is a 401.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

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

/** The user of a live session; `now` is the request's instant, the clock the session was made by. */
export async function sessionUser(db: Kysely<DB>, token: string, now: Date) {
  return (
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.roles', 'users.org_unit_id', 'users.must_change_password'])
      // read in the same round trip: the org tree a process keeps is still the current one while this holds
      .select((eb) => eb.selectFrom('org_revision').select('revision').as('org_revision'))
      .where('sessions.id', '=', digest(token))
      .where('sessions.expires_at', '>', now)
      .where('users.active', '=', true)
      .executeTakeFirst()
  );
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

/** Ends every session of a user except the one holding `keepToken`; answers how many ended. */
export async function endSessionsOf(db: Kysely<DB>, userId: number, keepToken?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken !== undefined) q = q.where('id', '<>', digest(keepToken));
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function purgeExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();
}
