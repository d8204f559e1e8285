// Serves the built console (/) and portal (/portal) from apps/web/dist; client-side routes fall
// back to their page. API paths never fall back: an unknown /api route is a JSON 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './context';
import { AppError } from '../errors';

export async function registerStatic(app: App, distDir: string): Promise<void> {
  const hasWeb = existsSync(join(distDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: distDir, index: false, wildcard: false, maxAge: '1h' });
  } else {
    app.log.warn({ distDir }, 'web console not built; run `npm run build` to serve the UI');
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      void reply.status(404).send(new AppError('not_found', '请求的地址不存在', 'No such endpoint').toBody());
      return;
    }
    // index.html must not be cached so a new release is picked up at once.
    void reply.header('cache-control', 'no-cache');
    if (path === '/portal' || path.startsWith('/portal/')) void reply.sendFile('portal.html');
    else void reply.sendFile('index.html');
  });
}
