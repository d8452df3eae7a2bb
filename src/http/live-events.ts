import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import { listenToLiveEvents } from '../services/live-events.ts';

/** What services announce with `pg_notify('confer_live', …)` (db/queries/messaging.ts, notifyLive). */
export type LiveEvent = {
  type: string;
  userIds: string[];
  [key: string]: unknown;
};

const HEARTBEAT_MS = 25_000;
const resync: LiveEvent = { type: 'resync', userIds: [] };

/**
 * Server-sent events for signed-in browsers. Every instance LISTENs on one
 * PostgreSQL channel and forwards each event to its own connected users, so a
 * message written through one instance reaches a browser held by another.
 * Events only say that something changed (a thread, a request, the bell);
 * browsers then fetch what they show through the normal API and its checks.
 * When the LISTEN connection comes back after a loss, every stream gets
 * `resync`: events announced meanwhile were missed, so browsers refetch.
 */
export async function startLiveHub(
  database: Database,
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>,
) {
  const streams = new Map<string, Set<ServerResponse>>();
  const write = (res: ServerResponse, event: LiveEvent) => {
    const { userIds: _u, ...rest } = event;
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(rest)}\n\n`);
  };
  const onPayload = (payload: string) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    for (const userId of new Set(event.userIds ?? [])) {
      for (const res of streams.get(userId) ?? []) write(res, event);
    }
  };
  const unlisten = await listenToLiveEvents(database, onPayload, {
    onLost: (err, attempt) => {
      if (attempt === 0) log.warn({ err }, 'live events: database connection lost; reconnecting');
    },
    onReconnect: () => {
      log.info('live events: listening again; telling browsers to refetch');
      for (const set of streams.values()) for (const res of set) write(res, resync);
    },
  });
  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const res of set) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /** Holds `res` open as this user's event stream until the client goes away. */
    attach(userId: string, res: ServerResponse) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Browsers reconnect after 3 s; `ready` tells them to refresh what they show.
      res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
      let set = streams.get(userId);
      if (!set) {
        set = new Set();
        streams.set(userId, set);
      }
      set.add(res);
      res.on('close', () => {
        set.delete(res);
        if (set.size === 0) streams.delete(userId);
      });
    },
    get connections() {
      let n = 0;
      for (const set of streams.values()) n += set.size;
      return n;
    },
    async close() {
      clearInterval(heartbeat);
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
      await unlisten();
    },
  };
}

export type LiveHub = Awaited<ReturnType<typeof startLiveHub>>;
