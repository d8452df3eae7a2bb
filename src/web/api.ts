/**
 * The one fetch client for the Confer API. The session lives in an httpOnly
 * cookie; writes made with that cookie must echo the session's CSRF token,
 * which the caller supplies (it is kept in memory, never in storage).
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema.ts';

/** Form field name → what is wrong with it, e.g. `{ email: 'is already registered' }`. */
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /**
   * The same problems by their full path without the request part, e.g.
   * `weekly.0.end`, for forms with rows of inputs.
   */
  readonly paths: FieldErrors;
  /** A machine-readable refinement such as `csrf` or `email_taken`. */
  readonly reason: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldErrors = {},
    reason?: string,
    paths: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.reason = reason;
    this.paths = paths;
  }
}

const requestParts = new Set(['body', 'query', 'params', 'headers']);

/**
 * Server field keys name where the problem is (`body.email`, `body.skills.2`,
 * `photo`); forms want the input's name (`email`, `skills`, `photo`).
 */
export function toFormFieldName(key: string): string {
  const parts = key.split('.');
  if (parts.length > 1 && requestParts.has(parts[0] ?? '')) parts.shift();
  else if (parts.length === 1 && requestParts.has(parts[0] ?? '')) return '';
  return parts[0] ?? '';
}

/** `body.weekly.0.end` → `weekly.0.end`. */
export function toFieldPath(key: string): string {
  const parts = key.split('.');
  if (requestParts.has(parts[0] ?? '')) parts.shift();
  return parts.join('.');
}

function toFieldPaths(fields: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!fields || typeof fields !== 'object') return result;
  for (const [key, problem] of Object.entries(fields)) {
    const path = toFieldPath(key);
    if (path && typeof problem === 'string') result[path] ??= problem;
  }
  return result;
}

function toFormFields(fields: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!fields || typeof fields !== 'object') return result;
  for (const [key, problem] of Object.entries(fields)) {
    const name = toFormFieldName(key);
    if (name && typeof problem === 'string') result[name] ??= problem;
  }
  return result;
}

type ErrorBody = {
  error?: { code?: unknown; message?: unknown; fields?: unknown; reason?: unknown };
};

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const error = body?.error;
  if (!error) {
    return new ApiError(
      response.status,
      `http_${response.status}`,
      response.statusText || `The server answered ${response.status}`,
    );
  }
  return new ApiError(
    response.status,
    typeof error.code === 'string' ? error.code : `http_${response.status}`,
    typeof error.message === 'string' ? error.message : 'Something went wrong',
    toFormFields(error.fields),
    typeof error.reason === 'string' ? error.reason : undefined,
    toFieldPaths(error.fields),
  );
}

/** The typed client: paths, parameters, bodies and responses come from the OpenAPI document. */
export type ApiClient = Client<paths>;

export type ApiClientOptions = {
  getCsrfToken: () => string | null;
  /** Called when a signed-in request comes back 401: the session has ended. */
  onSessionEnded?: () => void;
};

/** Paths whose 401 means "wrong credentials" or "not signed in yet", not "session ended". */
const signInPaths = new Set(['/api/auth/sign-in', '/api/auth/sign-up', '/api/auth/session']);

/**
 * What every call shares, as openapi-fetch middleware: the CSRF header on
 * writes, and any failure (network or a non-2xx answer) thrown as an ApiError,
 * so callers only ever see the success body.
 */
function sessionMiddleware({ getCsrfToken, onSessionEnded }: ApiClientOptions): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('accept', 'application/json');
      const csrfToken = getCsrfToken();
      if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
      return request;
    },
    async onResponse({ response, schemaPath }) {
      if (response.ok) return undefined;
      const error = await toApiError(response);
      if (error.status === 401 && !signInPaths.has(schemaPath)) onSessionEnded?.();
      throw error;
    },
    onError({ error }) {
      if (error instanceof ApiError) return error;
      if (error instanceof DOMException && error.name === 'AbortError') return error;
      return new ApiError(
        0,
        'network',
        'Could not reach the server. Check your connection and try again.',
      );
    },
  };
}

/**
 * A body the OpenAPI document does not describe: the routes that take
 * multipart (a photo, a message with a file) read the request themselves.
 */
export function undeclaredBody(body: FormData | Record<string, unknown>): never {
  return body as never;
}

/** The body of a call that middleware let through (failures were thrown as ApiError). */
export async function ok<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data, response } = await call;
  // A 204 (openapi-fetch gives no data) or any other answer not declared as JSON: no body.
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined as T;
  return data as T;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ credentials: 'same-origin' });
  client.use(sessionMiddleware(options));
  return client;
}

/** A message fit to show a person, whatever was thrown. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
