/**
 * Refusals and absences. The HTTP error handler owns the code → status table;
 * core and services only say what went wrong.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type';

/** field path (e.g. `body.email`) → what is wrong with it */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  /** a machine-readable refinement, e.g. `slot_taken` for a conflict */
  readonly reason: string | undefined;
  /** for `rate_limited`: when to try again (the Retry-After header) */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldErrors; reason?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.reason = opts.reason;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const conflict = (message: string, reason?: string) =>
  new AppError('conflict', message, reason ? { reason } : {});
export const invalidField = (field: string, problem: string) =>
  new AppError('validation_failed', `${field}: ${problem}`, { fields: { [field]: problem } });
