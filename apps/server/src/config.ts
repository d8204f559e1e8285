// One validated environment object, read once at boot; a bad value stops the start with a
// message that names the variable.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  sessionTtlHours: number;
  logLevel: string;
  /** Secure cookies need HTTPS in front; off by default so a laptop install works on http. */
  secureCookies: boolean;
  webDist: string;
  /** embedded PGlite: log statements that take longer than this (ms); undefined = off */
  slowQueryMs: number | undefined;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}") / ${name} 必须是 ${min} 到 ${max} 之间的整数`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql:// / DATABASE_URL 必须以 postgres:// 开头');
  }
  const adminPassword = env.GRIDDESK_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('GRIDDESK_ADMIN_PASSWORD must be at least 8 characters / 管理员密码至少 8 位');
  }
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.DATA_DIR || './data'),
    adminPassword,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    webDist: resolve(env.WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
    slowQueryMs: env.SLOW_QUERY_MS ? int(env, 'SLOW_QUERY_MS', 0, 0, 3_600_000) : undefined,
  };
}
