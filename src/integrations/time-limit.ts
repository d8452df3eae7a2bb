export class ProviderTimeoutError extends Error {}

/**
 * Runs one call to the outside world, giving up after `ms`: a provider that
 * hangs must not hold a request or a job. The call itself is not cancelled;
 * providers are idempotent by booking, so a late success is harmless.
 */
export async function timeLimited<T>(what: string, ms: number, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProviderTimeoutError(`${what} gave no answer within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([call(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
