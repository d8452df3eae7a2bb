import { describe, expect, it } from 'vitest';
import { createTokenCache, TOKEN_MARGIN_MS } from './zoom-token-cache.ts';

function counting() {
  let clock = 0;
  let fetched = 0;
  const cache = createTokenCache(
    async () => {
      fetched += 1;
      return { accessToken: `t${fetched}`, expiresInSeconds: 3600 };
    },
    () => clock,
  );
  return {
    cache,
    fetched: () => fetched,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('zoom token cache', () => {
  it('keeps a token until shortly before it expires, then fetches another', async () => {
    const c = counting();
    expect(await c.cache.get()).toBe('t1');
    c.advance(3_600_000 - TOKEN_MARGIN_MS - 1);
    expect(await c.cache.get()).toBe('t1');
    c.advance(1);
    expect(await c.cache.get()).toBe('t2');
    expect(c.fetched()).toBe(2);
  });

  it('fetches a new token after a refused one, and only once for callers at the same time', async () => {
    const c = counting();
    const [a, b] = await Promise.all([c.cache.get(), c.cache.get()]);
    expect([a, b]).toEqual(['t1', 't1']);
    c.cache.forget('t1');
    const [x, y] = await Promise.all([c.cache.get(), c.cache.get()]);
    expect([x, y]).toEqual(['t2', 't2']);
    c.cache.forget('t1'); // a stale refusal does not drop the newer token
    expect(await c.cache.get()).toBe('t2');
    expect(c.fetched()).toBe(2);
  });
});
