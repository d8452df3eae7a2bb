import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from '@fastify/type-provider-zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldErrors } from '../core/errors.ts';

/** The one place that turns an error code into an HTTP status. */
const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
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

type ValidationIssue = {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};

/** zod issues → `{ "body.email": "Invalid email address", "body.extra": "unknown field" }` */
export function fieldsFromValidation(context: string, issues: ValidationIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const base = [context, ...issue.instancePath.split('/').filter(Boolean)].join('.');
    const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params?.keys : undefined;
    if (Array.isArray(unknownKeys)) {
      for (const key of unknownKeys) fields[`${base}.${String(key)}`] = 'unknown field';
    } else {
      fields[base] ??= issue.message ?? 'is invalid';
    }
  }
  return fields;
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
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
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = fieldsFromValidation(err.validationContext ?? 'body', err.validation);
      const summary = Object.entries(fields)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; ');
      return sendError(reply, 400, { code: 'validation_failed', message: summary, fields });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return sendError(reply, 500, {
        code: 'internal',
        message: 'Something went wrong on our side',
      });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return sendError(reply, 429, { code: 'rate_limited', message: err.message });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large, …
      const code =
        status === 413
          ? 'payload_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : 'bad_request';
      return sendError(reply, status, {
        code,
        message: err.message,
        ...(status === 400 ? { fields: { body: err.message } } : {}),
      });
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, 500, { code: 'internal', message: 'Something went wrong on our side' });
  });
}
