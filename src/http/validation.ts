import { validatorCompiler as zodValidatorCompiler } from '@fastify/type-provider-zod';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../core/errors.ts';

/** One problem with one field, in the shape Fastify hands the error handler as `err.validation`. */
export type ValidationIssue = {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};

export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

const nulIssue = (path: string[]) => ({
  instancePath: `/${path.join('/')}`,
  schemaPath: '#/nul',
  keyword: 'nul_character',
  message: NUL_MESSAGE,
  params: {},
});

/**
 * Every string anywhere in `value` (keys too) that holds U+0000. PostgreSQL
 * cannot store NUL in text, so such input would fail deep in a query; it is
 * refused here, before any schema or handler runs, so no route can forget.
 */
export function nulIssues(value: unknown, path: string[] = []): ReturnType<typeof nulIssue>[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [nulIssue(path)] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  const issues: ReturnType<typeof nulIssue>[] = [];
  for (const [key, inner] of entries) {
    const name = String(key);
    if (name.includes('\u0000')) {
      issues.push(nulIssue(path));
    } else {
      issues.push(...nulIssues(inner, [...path, name]));
    }
  }
  return issues;
}

const fromZod = (error: z.ZodError): ValidationIssue[] =>
  error.issues.map((issue) => ({
    instancePath: `/${issue.path.join('/')}`,
    message: issue.message,
    keyword: issue.code,
    params: 'keys' in issue ? { keys: issue.keys } : {},
  }));

/**
 * The zod validator with the NUL check in front, for every body, query string,
 * path parameter and header schema of every route.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data) => {
    const issues = nulIssues(data);
    if (issues.length > 0) return { error: issues };
    return validate(data);
  };
};

/** Fastify's names for where input came from → the prefix our field paths use. */
const contextNames: Record<string, string> = { querystring: 'query' };

/** issues → `{ "body.email": "Invalid email address", "body.extra": "unknown field" }` */
export function fieldsFromValidation(context: string, issues: ValidationIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  const prefix = contextNames[context] ?? context;
  for (const issue of issues) {
    const base = [prefix, ...issue.instancePath.split('/').filter(Boolean)].join('.');
    const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params?.keys : undefined;
    if (Array.isArray(unknownKeys)) {
      for (const key of unknownKeys) fields[`${base}.${String(key)}`] = 'unknown field';
    } else {
      fields[base] ??= issue.message ?? 'is invalid';
    }
  }
  return fields;
}

export function validationFailed(fields: FieldErrors): AppError {
  const summary = Object.entries(fields)
    .map(([field, problem]) => `${field}: ${problem}`)
    .join('; ');
  return new AppError('validation_failed', summary, { fields });
}

/**
 * Input a route reads itself (multipart form fields) checked the way the
 * validator checks declared schemas: NUL first, then the schema.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  context = 'body',
): z.output<T> {
  const nul = nulIssues(raw);
  if (nul.length > 0) throw validationFailed(fieldsFromValidation(context, nul));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationFailed(fieldsFromValidation(context, fromZod(parsed.error)));
  return parsed.data;
}
