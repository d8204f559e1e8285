import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import type { Actor } from '../org/actor';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/service';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppContext {
  database: Database;
  config: Config;
  version: string;
  /** the time every request and job works with; tests pass a ManualClock */
  clock: Clock;
  /** queues heavy work (202 + /api/jobs/{id}); its worker runs in the server process */
  jobs: Jobs;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** the instant the request arrived, from the application's clock */
    now: Date;
  }
  interface FastifyInstance {
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** The signed-in actor; routes that declare a permission (not `public`) always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('route is public but reads the actor');
  return req.actor;
}
