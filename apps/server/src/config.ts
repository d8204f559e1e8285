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
  /**
   * Origins besides the request's own whose browsers may send state-changing requests (a page
   * served under another name by a reverse proxy), as `scheme://host[:port]`; empty by default.
   */
  trustedOrigins: string[];
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

/** GRIDDESK_TRUSTED_ORIGINS: comma-separated origins, each normalised to `scheme://host[:port]`. */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name] ?? '';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const url = URL.canParse(s) ? new URL(s) : undefined;
      // an origin only: no path, query, fragment or credentials
      const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      if (!url || !bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new ConfigError(`${name} must list origins as scheme://host[:port], comma-separated (got "${s}") / ${name} 须为逗号分隔的 scheme://主机[:端口]`);
      }
      return url.origin;
    });
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
    trustedOrigins: origins(env, 'GRIDDESK_TRUSTED_ORIGINS'),
  };
}
