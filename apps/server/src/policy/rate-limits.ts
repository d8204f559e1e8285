// The per-minute limits of the public entry points, read from the rate-limits document in force
// for every request the limiter counts (cached by the document module).
import type { RateLimits } from '@griddesk/domain/policy/limits';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { inForce } from '../platform/documents/service';
import { RATE_LIMITS } from './kinds/limits';

export function perMinute(db: Kysely<DB>, which: keyof RateLimits): (req: FastifyRequest, key: string) => Promise<number> {
  return async () => (await inForce(db, RATE_LIMITS)).definition[which];
}
