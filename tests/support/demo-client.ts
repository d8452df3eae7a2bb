import { DEMO_PASSWORD } from '../../src/services/seed-demo.ts';

export type SignedIn = {
  userId: string;
  orgIds: string[];
  cookie: string;
  /** A JSON request with the session cookie and CSRF token; never throws on a status. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
};

/** Signs a demo account in on a running server (a real HTTP client, like a browser). */
export async function signInDemo(baseUrl: string, email: string): Promise<SignedIn> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as {
    user: { id: string; organisations: { id: string }[] };
    csrfToken: string;
  };
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return {
    userId: session.user.id,
    orgIds: session.user.organisations.map((o) => o.id),
    cookie,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const reply = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': session.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await reply.text();
      return { status: reply.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

export type StreamEvent = { type: string; data: Record<string, unknown> };

/**
 * Reads a signed-in user's live event stream as a browser's EventSource
 * would; `next` waits for the first unread event matching `accept`.
 */
export async function openEventStream(baseUrl: string, user: Pick<SignedIn, 'cookie'>) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/me/events`, {
    headers: { cookie: user.cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`event stream: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: StreamEvent[] = [];
  let buffer = '';
  const readOne = async (): Promise<boolean> => {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type) events.push({ type, data: data ? JSON.parse(data) : {} });
      end = buffer.indexOf('\n\n');
    }
    return true;
  };
  return {
    /** Everything received so far, oldest first. */
    events,
    async next(accept: (e: StreamEvent) => boolean, timeoutMs: number): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs;
      let seen = 0;
      for (;;) {
        for (; seen < events.length; seen++) {
          const event = events[seen];
          if (event && accept(event)) {
            events.splice(0, seen + 1);
            return event;
          }
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no such event; got ${JSON.stringify(events)}`);
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), left));
        const more = await Promise.race([readOne(), timeout]);
        if (more === false) throw new Error(`stream ended; got ${JSON.stringify(events)}`);
      }
    },
    close: () => abort.abort(),
  };
}
