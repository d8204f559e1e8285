// The single fetch wrapper: same-origin cookie session, JSON in and out, typed errors.
import type { ApiError, ApiErrorField } from '@griddesk/shared';
import type { Translate } from './i18n';

type ApiErrorBody = ApiError['error'];

export class ApiRequestError extends Error {
  readonly status: number;
  /** The server's error body, or null when the response was not one (proxy error page, empty body). */
  readonly body: ApiErrorBody | null;

  constructor(status: number, body: ApiErrorBody | null) {
    super(body?.messageEn ?? `HTTP ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.body = body;
  }

  get fields(): ApiErrorField[] {
    return this.body?.fields ?? [];
  }
}

export function isUnauthorized(err: unknown): boolean {
  return err instanceof ApiRequestError && err.status === 401;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Empty values are left out so that "no filter" never reaches the server as `?x=`. */
function withQuery(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readErrorBody(res: Response): Promise<ApiErrorBody | null> {
  try {
    const data = (await res.json()) as Partial<ApiError>;
    return data.error && typeof data.error.message === 'string' ? { ...data.error, fields: data.error.fields ?? [] } : null;
  } catch {
    return null;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    // Only with a body: an empty JSON request is refused by the server's parser.
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  if (!res.ok) throw new ApiRequestError(res.status, await readErrorBody(res));
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function apiGet<T>(path: string, params?: QueryParams): Promise<T> {
  return request<T>('GET', withQuery(path, params));
}

export function apiPost<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return request<T>('POST', path, body, headers);
}

export function apiPut<T>(path: string, body?: unknown): Promise<T> {
  return request<T>('PUT', path, body);
}

export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return request<T>('PATCH', path, body);
}

export function apiDelete<T = void>(path: string): Promise<T> {
  return request<T>('DELETE', path);
}

/** The message to show a person, in their language (the server sends both). */
export function errorMessage(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError && err.body) return t({ zh: err.body.message, en: err.body.messageEn });
  if (err instanceof ApiRequestError) return t('common.httpError', { status: err.status });
  return t('common.networkError');
}
