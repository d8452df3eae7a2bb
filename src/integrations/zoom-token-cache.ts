/** An access token and the instant (ms) it stops being used. */
type Held = { token: string; usableUntil: number };

/** Stop using a token this long before Zoom says it expires (clock skew, slow requests). */
export const TOKEN_MARGIN_MS = 60_000;

/**
 * One access token kept until shortly before its expiry, fetched anew when
 * missing, stale, or refused (`forget` after a 401). Concurrent callers share
 * one fetch, so a burst of approvals asks Zoom for one token, not many.
 */
export function createTokenCache(
  fetchToken: () => Promise<{ accessToken: string; expiresInSeconds: number }>,
  now: () => number = Date.now,
) {
  let held: Held | null = null;
  let pending: Promise<string> | null = null;
  return {
    async get(): Promise<string> {
      if (held && now() < held.usableUntil) return held.token;
      pending ??= fetchToken()
        .then(({ accessToken, expiresInSeconds }) => {
          held = {
            token: accessToken,
            usableUntil: now() + Math.max(0, expiresInSeconds * 1000 - TOKEN_MARGIN_MS),
          };
          return accessToken;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    /** The token was refused: the next `get` fetches another. */
    forget(token: string) {
      if (held?.token === token) held = null;
    },
  };
}
