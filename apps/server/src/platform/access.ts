// Permissions declared on the route (Immich's per-endpoint authorisation): every /api route names
// in `config.permission` what it needs, OpenAPI shows it as `x-permission`, and this one hook
// enforces it. A route that declares no permission, or no answer, does not start, so a new
// capability cannot forget either.
import type { RouteAccess } from '@griddesk/shared';
import type { FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import { errors } from '../errors';
import type { App } from '../http/context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** what the caller needs: a permission, any signed-in user, or nobody */
    permission?: RouteAccess;
  }
}

/** Routes that are not part of the API contract: the OpenAPI document itself and its viewer. */
function outsideContract(route: RouteOptions): boolean {
  if (!route.url.startsWith('/api/')) return true;
  if (route.url === '/api/docs' || route.url.startsWith('/api/docs/')) return true;
  return (route.schema as { hide?: boolean } | undefined)?.hide === true;
}

/** Whether the route declares what a successful answer looks like (one API contract, issue 8 item 1). */
function declaresSuccess(route: RouteOptions): boolean {
  const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
  return Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status));
}

export function registerAccess(app: App): void {
  app.addHook('onRoute', (route) => {
    if (outsideContract(route)) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`${String(route.method)} ${route.url} declares no permission (config.permission)`);
    // a route whose answer is not declared would send whatever its handler builds, fields and all
    if (!declaresSuccess(route)) {
      throw new Error(`${String(route.method)} ${route.url} declares no 2xx answer (schema.response)`);
    }
    route.schema = { ...route.schema, 'x-permission': permission } as typeof route.schema;
    if (permission === 'public') return;
    const guard = async (req: FastifyRequest, reply: FastifyReply) => {
      await app.authenticate(req, reply);
      if (permission !== 'signed-in' && !req.actor?.permissions.includes(permission)) throw errors.forbidden();
    };
    // onRequest: before the body is read or validated, so a caller without the right learns nothing
    // from validation messages and cannot make the server parse a large upload
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [guard as onRequestHookHandler, ...(existing as onRequestHookHandler[])];
  });
}
