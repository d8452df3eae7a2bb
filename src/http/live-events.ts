import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { LiveEvent } from '../core/live-changes.ts';
import type { Database } from '../db/client.ts';
import { listenToLiveEvents } from '../services/live-events.ts';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for signed-in browsers. Every instance LISTENs on one
 * PostgreSQL channel and forwards each event to its own connected users, so a
 * message written through one instance reaches a browser held by another.
 * Events only say which resources changed (`LiveChange`: bookings, a thread,
 * the bell …) for whom: named users, or every member of an organisation;
 * browsers then fetch what they show through the normal API and its checks.
 * When the LISTEN connection comes back after a loss, every stream gets
 * `resync`: events announced meanwhile were missed, so browsers refetch.
 */
export async function startLiveHub(
  database: Database,
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>,
) {
  // Each open stream, by its user and by each organisation the user was in when it opened.
  const streams = new Map<string, Set<ServerResponse>>();
  const orgStreams = new Map<string, Set<ServerResponse>>();
  const all = () => [...streams.values()].flatMap((set) => [...set]);
  const write = (res: ServerResponse, type: string, data: object) => {
    res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const onPayload = (payload: string) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    const { type, userIds, orgMembers, ...change } = event;
    const to = new Set<ServerResponse>();
    for (const userId of userIds ?? []) for (const res of streams.get(userId) ?? []) to.add(res);
    if (orgMembers) for (const res of orgStreams.get(orgMembers) ?? []) to.add(res);
    for (const res of to) write(res, type, change);
  };
  const unlisten = await listenToLiveEvents(database, onPayload, {
    onLost: (err, attempt) => {
      if (attempt === 0) log.warn({ err }, 'live events: database connection lost; reconnecting');
    },
    onReconnect: () => {
      log.info('live events: listening again; telling browsers to refetch');
      for (const res of all()) write(res, 'resync', {});
    },
  });
  const heartbeat = setInterval(() => {
    for (const res of all()) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /**
     * Holds `res` open as this user's event stream until the client goes
     * away; it also hears the changes announced to all members of `orgIds`.
     */
    attach(userId: string, orgIds: readonly string[], res: ServerResponse) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Browsers reconnect after 3 s; `ready` tells them to refresh what they show.
      res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
      const joined: [Map<string, Set<ServerResponse>>, string][] = [
        [streams, userId],
        ...orgIds.map((orgId): [Map<string, Set<ServerResponse>>, string] => [orgStreams, orgId]),
      ];
      for (const [map, key] of joined) add(map, key, res);
      res.on('close', () => {
        for (const [map, key] of joined) remove(map, key, res);
      });
    },
    get connections() {
      let n = 0;
      for (const set of streams.values()) n += set.size;
      return n;
    },
    async close() {
      clearInterval(heartbeat);
      for (const res of all()) res.end();
      streams.clear();
      orgStreams.clear();
      await unlisten();
    },
  };
}

function add(map: Map<string, Set<ServerResponse>>, key: string, res: ServerResponse) {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(res);
}

function remove(map: Map<string, Set<ServerResponse>>, key: string, res: ServerResponse) {
  const set = map.get(key);
  set?.delete(res);
  if (set?.size === 0) map.delete(key);
}

export type LiveHub = Awaited<ReturnType<typeof startLiveHub>>;
