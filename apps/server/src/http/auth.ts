import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { errors } from '../errors';
import { actorFor } from '../org/actor';
import { SESSION_COOKIE, sessionUser } from '../org/sessions';
import type { App } from './context';

export function registerAuth(app: App, db: Kysely<DB>): void {
  app.decorateRequest('actor', null);
  app.decorate('authenticate', async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw errors.unauthenticated();
    const user = await sessionUser(db, token);
    if (!user) throw errors.unauthenticated();
    req.actor = await actorFor(db, user);
  });
}
