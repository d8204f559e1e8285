// Security headers on every answer: pages, static files, JSON and errors alike (issue 9 item 2),
// through the Fastify ecosystem's helmet plugin. Registered first, in onRequest, so even a request
// refused by a later hook (authentication, the origin check) leaves with them.
import helmet from '@fastify/helmet';
import type { App } from './context';

/**
 * The Content-Security-Policy of the console, the portal, the API and the API viewer (/api/docs).
 * Scripts come only from this origin and never inline: the built pages load their bundles with
 * <script src>, and nothing uses eval. Styles allow 'unsafe-inline' because antd writes its
 * CSS-in-JS into <style> elements at run time (Swagger UI sets style attributes too); a style
 * cannot run code. Images: staff photos come from the API, antd and Swagger UI draw data: icons,
 * and a photo chosen for upload is previewed from a blob: URL. ECharts draws on a canvas.
 */
export function contentSecurityPolicy(opts: { https: boolean }): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    // no page of griddesk may be framed (clickjacking); X-Frame-Options says the same to old browsers
    'frame-ancestors': ["'none'"],
    // only behind HTTPS: on a plain-http install it would send every asset request to https
    ...(opts.https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export async function registerSecurityHeaders(app: App, opts: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts) },
    frameguard: { action: 'deny' },
    // not no-referrer: under it a browser sends `Origin: null` on same-origin writes, and browsers
    // without Sec-Fetch-Site would then be refused by the origin check
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only when the install says it is served over HTTPS (SECURE_COOKIES)
    strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}
