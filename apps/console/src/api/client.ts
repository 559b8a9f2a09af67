import type { Problem } from '@yidan/contracts';
import { currentLang } from '../i18n/lang';
import { ApiError } from './ApiError';

const BASE = '/api/v1';
const CSRF_COOKIE = 'yidan_csrf';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token from GET /me or login (the cookie yidan_csrf is the fallback). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 so the app can drop the session and show /login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/**
 * True when the readable CSRF cookie is present. The server sets and clears it together with the
 * session cookie, so without it there is no session and GET /me would only answer 401.
 */
export function mayHaveSession(): boolean {
  return readCookie(CSRF_COOKIE) !== null;
}

function readCookie(name: string): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as is (e.g. an image) with this content type instead of JSON. */
  raw?: { data: Blob; contentType: string };
  /** Do not trigger the global 401 handler (used by GET /me and login). */
  allowUnauthorized?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

/** One fetch wrapper for the whole console: cookies, CSRF, Accept-Language, problem+json errors. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang() };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE) ?? csrfToken;
    if (token) headers['x-csrf-token'] = token;
  }

  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
  });

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  putRaw: <T>(path: string, data: Blob, contentType: string) =>
    request<T>('PUT', path, { raw: { data, contentType } }),
};
