import { isResponseSerializationError } from '@fastify/type-provider-zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldErrors } from '../core/errors.ts';
import { fieldsFromValidation, type ValidationIssue, validationFailed } from './validation.ts';

/**
 * The one status table, both ways: our codes → HTTP status for AppErrors, and
 * HTTP status → our code for errors that arrive with only a status (Fastify's
 * router and body parsers, plugins).
 */
type HttpCode =
  | ErrorCode
  | 'method_not_allowed'
  | 'request_timeout'
  | 'uri_too_long'
  | 'headers_too_large'
  | 'internal'
  | 'unavailable';

const statusOf: Record<HttpCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
};

const codeOfStatus = new Map<number, HttpCode>();
for (const [code, status] of Object.entries(statusOf) as [HttpCode, number][]) {
  // validation_failed is only ever chosen on purpose; a bare 400 is bad_request.
  if (!codeOfStatus.has(status)) codeOfStatus.set(status, code);
}

/** Fastify and plugin codes whose own status is not the one we answer with. */
const statusOverrides: Record<string, number> = {
  // @fastify/multipart says 406 for "not multipart"; the media type is what is wrong.
  FST_INVALID_MULTIPART_CONTENT_TYPE: 415,
  FST_INVALID_JSON_FIELD_ERROR: 400,
};

/** Router and parser refusals, said in words that name what was wrong. */
const frameworkProblems: Record<string, { field: string; message: string }> = {
  FST_ERR_BAD_URL: { field: 'url', message: 'The URL is not validly percent-encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { field: 'url', message: 'A path segment is too long' },
  FST_ERR_CTP_INVALID_JSON_BODY: { field: 'body', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { field: 'body', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    field: 'body',
    message: 'The body size does not match Content-Length',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { field: 'body', message: 'The body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { field: 'content-type', message: 'Unsupported content type' },
};

export type ErrorBody = {
  error: { code: string; message: string; fields?: FieldErrors; reason?: string };
};

export function sendError(reply: FastifyReply, status: number, error: ErrorBody['error']) {
  return reply
    .code(status)
    .type('application/json')
    .send({ error } satisfies ErrorBody);
}

function sendAppError(reply: FastifyReply, err: AppError) {
  if (err.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(err.retryAfterSeconds));
  }
  return sendError(reply, statusOf[err.code], {
    code: err.code,
    message: err.message,
    ...(err.fields ? { fields: err.fields } : {}),
    ...(err.reason ? { reason: err.reason } : {}),
  });
}

const hasValidation = (err: unknown): err is { validation: ValidationIssue[] } =>
  Array.isArray((err as { validation?: unknown }).validation);

/**
 * Every error, whether thrown by a handler, a hook, a body parser or the
 * router itself (see `frameworkErrors` in app.ts), ends here.
 */
export function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendAppError(reply, err);
  if (hasValidation(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'body';
    return sendAppError(reply, validationFailed(fieldsFromValidation(context, err.validation)));
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    return sendError(reply, 500, { code: 'internal', message: 'Something went wrong on our side' });
  }
  const status = (err.code && statusOverrides[err.code]) || err.statusCode || 500;
  if (status >= 400 && status < 500) {
    const problem = err.code ? frameworkProblems[err.code] : undefined;
    return sendError(reply, status, {
      code: codeOfStatus.get(status) ?? 'bad_request',
      message: problem?.message ?? err.message,
      ...(problem ? { fields: { [problem.field]: err.message } } : {}),
    });
  }
  request.log.error({ err }, 'unhandled error');
  if (status === 503) {
    return sendError(reply, 503, { code: 'unavailable', message: 'Try again shortly' });
  }
  return sendError(reply, 500, { code: 'internal', message: 'Something went wrong on our side' });
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(handleError);
}
