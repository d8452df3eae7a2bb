/** Drivers wrap errors differently; Drizzle puts the PostgreSQL error at `cause`. */
function pgError(err: unknown): { code?: string; constraint?: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as { code: string };
  return e.cause ? pgError(e.cause) : undefined;
}

export function sqlState(err: unknown): string | undefined {
  return pgError(err)?.code;
}

/** 23505: a unique index refused the row (optionally: this constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
