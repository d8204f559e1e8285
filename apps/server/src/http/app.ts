// Builds the Fastify application: plugins, error shape, authentication, every capability's
// routes, OpenAPI and the static web pages.
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Health } from '@griddesk/shared';
import { sql } from 'kysely';
import type { App, AppContext } from './context';
import { errorHandler } from './error-handler';
import { registerAuth } from './auth';
import { registerAccess } from '../platform/access';
import { registerStatic } from './static';
import { registerOriginCheck } from './origin';
import { registerSecurityHeaders } from './security-headers';
import { orgRoutes } from '../org/routes';
import { auditRoutes } from '../audit/routes';
import { ledgerRoutes } from '../ledger/routes';
import { caseRoutes } from '../cases/routes';
import { attachmentRoutes } from '../cases/attachments';
import { portalRoutes } from '../portal/routes';
import { policyRoutes } from '../policy/routes';
import { profileRoutes } from '../policy/profile-routes';
import { documentRoutes } from '../platform/documents/routes';
import { DOCUMENT_KINDS } from '../policy/kinds';
import { notifyRoutes } from '../notify/routes';
import { meteringRoutes } from '../metering/routes';
import { billQueryRoutes } from '../portal/bill-query';
import { jobRoutes } from '../platform/jobs/routes';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const app: App = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  // first: the headers go on every answer, the refusals of the hooks below included
  await registerSecurityHeaders(app, { https: ctx.config.secureCookies });
  // before authentication and before any body is read (issue 9 item 2)
  registerOriginCheck(app, ctx.config.trustedOrigins);
  await app.register(cookie);
  // preHandler, so the login limit can key on the username in the parsed body.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'griddesk API', description: '供电所服务质量平台 / Service-quality platform for power supply stations', version: ctx.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'griddesk_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, ctx.database.db);
  registerAccess(app);
  app.decorateRequest('now', null as unknown as Date);
  app.addHook('onRequest', async (req) => {
    req.now = ctx.clock.now();
  });

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and storage backend',
        security: [],
        response: { 200: Health },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.database.db);
      return { status: 'ok' as const, db: ctx.database.backend, version: ctx.version };
    },
  );

  orgRoutes(app, ctx);
  auditRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  caseRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  portalRoutes(app, ctx);
  meteringRoutes(app, ctx);
  billQueryRoutes(app, ctx);
  policyRoutes(app, ctx);
  profileRoutes(app, ctx);
  documentRoutes(app, ctx, DOCUMENT_KINDS);
  notifyRoutes(app, ctx);
  jobRoutes(app, ctx);
  await registerStatic(app, ctx.config.webDist);
  return app;
}
