import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError, errors } from '../errors';
import { actorFor } from '../org/actor';
import { SESSION_COOKIE, sessionUser } from '../org/sessions';
import type { App } from './context';

/** What a user whose password was reset may still do: read, choose a password, sign out. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['POST /api/auth/password', 'POST /api/auth/logout']);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: App, db: Kysely<DB>): void {
  app.decorateRequest('actor', null);
  app.decorate('authenticate', async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw errors.unauthenticated();
    const user = await sessionUser(db, token, req.now);
    if (!user) throw errors.unauthenticated();
    req.actor = await actorFor(db, user);
    // After an administrator's reset the temporary password opens the console, but nothing is
    // written under it until the user has chosen their own (R-ORG-01).
    if (user.must_change_password && !READS.has(req.method) && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url}`)) {
      throw new AppError(
        'password_change_required',
        '管理员已重置您的密码，请先修改密码再进行其他操作',
        'Your password was reset by an administrator: change it before doing anything else',
      );
    }
  });
}
