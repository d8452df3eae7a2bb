import type { App } from '../../src/http/app.ts';

/**
 * A running Confer process seen through the subset of `app.inject` that the
 * factories use, so tests/factories.ts and the scenarios drive a real server
 * over real HTTP.
 */
export function remoteApp(baseUrl: string): App {
  const inject = async (opts: {
    method: string;
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  }) => {
    const res = await fetch(new URL(opts.url, baseUrl), {
      method: opts.method,
      headers: {
        ...(opts.payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...opts.headers,
      },
      ...(opts.payload === undefined ? {} : { body: JSON.stringify(opts.payload) }),
    });
    const body = await res.text();
    return {
      statusCode: res.status,
      body,
      json: () => JSON.parse(body),
      headers: { ...Object.fromEntries(res.headers), 'set-cookie': res.headers.getSetCookie() },
    };
  };
  return { inject } as unknown as App;
}
