// Permissions declared on the route (R-ORG-01, R-SYS-03): every operation of the OpenAPI document
// names what it needs, and a route that names nothing cannot be registered.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app';
import { registerAccess } from './access';
import type { App } from '../http/context';

interface Operation {
  'x-permission'?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('declared permissions', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    paths = (await t.app.inject({ url: '/api/openapi.json' })).json().paths;
  });
  afterAll(async () => t?.close());

  it('R-ORG-01 every operation outside the portal and sign-in carries x-permission', () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path.startsWith('/api/portal') || path.startsWith('/api/auth')) continue;
        if (!op['x-permission']) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(paths).length).toBeGreaterThan(50);
  });

  it('R-ORG-01 portal and sign-in routes are public, everything else needs a signed-in user', () => {
    for (const [path, ops] of Object.entries(paths)) {
      for (const op of Object.values(ops)) {
        const p = op['x-permission'];
        if (path.startsWith('/api/portal') || path === '/api/auth/login') expect(p, path).toBe('public');
        else if (path !== '/api/health' && path !== '/api/auth/logout') expect(p, path).not.toBe('public');
      }
    }
  });

  it('a route that declares no permission is refused at registration', async () => {
    const app = Fastify() as unknown as App;
    registerAccess(app);
    expect(() => app.get('/api/forgot', async () => ({ ok: true }))).toThrow(/GET \/api\/forgot declares no permission/);
    await app.close();
  });

  it('a route that declares no successful answer is refused at registration (issue 8 item 1)', async () => {
    const app = Fastify() as unknown as App;
    registerAccess(app);
    const config = { permission: 'signed-in' as const };
    expect(() => app.get('/api/unshaped', { config }, async () => ({ ok: true }))).toThrow(/GET \/api\/unshaped declares no 2xx answer/);
    const errorsOnly = { response: { 404: { type: 'object' } } };
    expect(() => app.get('/api/errors-only', { config, schema: errorsOnly }, async () => ({ ok: true }))).toThrow(/declares no 2xx answer/);
    expect(() => app.get('/api/shaped', { config, schema: { response: { 200: { type: 'object' } } } }, async () => ({}))).not.toThrow();
    await app.close();
  });
});
