// One-origin writes (issue 9 item 2): a state-changing request must come from a page of the
// product itself, so another site cannot make a signed-in browser import, approve or delete with
// its cookie. The rule is Go 1.25's CrossOriginProtection (and Rails'): the browser says where a
// request comes from in `Sec-Fetch-Site` (every current browser) or `Origin` (older ones), and
// every browser sends one of the two on a cross-site write; a request without either is not from a
// browser page (curl, a script, a test's inject) and carries no ambient cookie to abuse.
import type { IncomingHttpHeaders } from 'node:http';
import { errors } from '../errors';
import type { App } from './context';

/** Methods that only read: never refused, whatever their origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginRequest {
  method: string;
  /** the Host header the request was sent to (host[:port]) */
  host: string | undefined;
  headers: Pick<IncomingHttpHeaders, 'origin' | 'sec-fetch-site'>;
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Whether the request may go on. `trusted` are extra origins (scheme://host[:port], as URL.origin
 * writes them) an administrator allows, e.g. the name a reverse proxy serves the console under.
 */
export function sameOriginWrite(req: OriginRequest, trusted: ReadonlySet<string>): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  const origin = header(req.headers.origin);
  const site = header(req.headers['sec-fetch-site']);
  // parsed only when an administrator configured extra origins: every browser write carries an Origin
  const trustedOrigin = trusted.size > 0 && origin !== undefined && URL.canParse(origin) && trusted.has(new URL(origin).origin);
  if (site !== undefined) {
    // 'none': the user typed the address or used a bookmark; same-site is another origin all the same
    return site === 'same-origin' || site === 'none' || trustedOrigin;
  }
  if (origin === undefined) return true;
  if (trustedOrigin) return true;
  // `null` (a sandboxed frame, a data: page) or anything that is not a URL is another origin
  if (!URL.canParse(origin) || !req.host) return false;
  const from = new URL(origin);
  // The Host header, read with the Origin's scheme so a default port compares equal (a:80 = a).
  // Only the host is compared, as Go does: behind a TLS proxy the server cannot tell its own
  // scheme, and a browser old enough to lack Sec-Fetch-Site is the only one that reaches here.
  const own = URL.canParse(`${from.protocol}//${req.host}`) ? new URL(`${from.protocol}//${req.host}`).host : undefined;
  return own !== undefined && from.host === own;
}

/**
 * Refuses a cross-site write in onRequest: before authentication and before the body is read, so a
 * cross-site multipart upload is never parsed.
 */
export function registerOriginCheck(app: App, trustedOrigins: readonly string[]): void {
  const trusted = new Set(trustedOrigins);
  app.addHook('onRequest', async (req) => {
    if (!sameOriginWrite({ method: req.method, host: req.headers.host, headers: req.headers }, trusted)) {
      req.log.warn({ origin: req.headers.origin, secFetchSite: req.headers['sec-fetch-site'], url: req.url }, 'cross-site write refused');
      throw errors.crossOrigin();
    }
  });
}
