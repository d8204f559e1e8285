import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import type { Actor } from '../org/actor';
import { can, type Permission } from '@griddesk/domain';
import { errors } from '../errors';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppContext {
  database: Database;
  config: Config;
  version: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** The signed-in actor; routes behind `authenticate` always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('route is missing the authenticate pre-handler');
  return req.actor;
}

/** The signed-in actor, who must hold `permission` (403 otherwise). */
export function actorWith(req: FastifyRequest, permission: Permission): Actor {
  const actor = actorOf(req);
  if (!can(actor.roles, permission)) throw errors.forbidden();
  return actor;
}
