import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';

/** What `/api/me/events` announces; each only says that something changed. */
export type LiveEventType = 'message' | 'read' | 'request' | 'notification';

const eventTypes: readonly LiveEventType[] = ['message', 'read', 'request', 'notification'];

/** An event's data, e.g. `{ type: 'message', orgId, threadId, messageId }`. */
export type LiveEventData = {
  type: string;
  orgId?: string;
  threadId?: string;
  messageId?: string;
  [key: string]: unknown;
};

/**
 * Told the event's data, or null when the stream has just (re)connected or
 * the server says `resync`: events may have been missed meanwhile, so
 * refetch whatever is shown.
 */
export type LiveEventHandler = (data: LiveEventData | null) => void;

type LiveEvents = { subscribe: (type: LiveEventType, handler: LiveEventHandler) => () => void };

const LiveEventsContext = createContext<LiveEvents | null>(null);

const EVENTS_PATH = '/api/me/events';
const RETRY_FIRST_MS = 3_000;
const RETRY_MAX_MS = 60_000;

function parse(data: unknown, type: string): LiveEventData {
  try {
    const value: unknown = typeof data === 'string' ? JSON.parse(data) : null;
    if (value && typeof value === 'object') return { type, ...value };
  } catch {
    // A malformed event still says that something of its type changed.
  }
  return { type };
}

/**
 * Holds the one server-sent event stream of a signed-in app and hands its
 * events to `useLiveEvent` subscribers. Mount it once, inside the session.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<LiveEventType, Set<LiveEventHandler>>());

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let retryMs = RETRY_FIRST_MS;
    const each = (type: LiveEventType, data: LiveEventData | null) => {
      for (const handler of [...(handlers.current.get(type) ?? [])]) handler(data);
    };
    const connect = () => {
      const stream = new EventSource(EVENTS_PATH);
      source = stream;
      // Sent on every (re)connection: whatever happened while away was not heard.
      stream.addEventListener('ready', () => {
        retryMs = RETRY_FIRST_MS;
        for (const type of eventTypes) each(type, null);
      });
      // The server lost its own feed of events for a while (a database outage).
      stream.addEventListener('resync', () => {
        for (const type of eventTypes) each(type, null);
      });
      for (const type of eventTypes) {
        stream.addEventListener(type, (event) => each(type, parse(event.data, type)));
      }
      stream.addEventListener('error', () => {
        // After a dropped connection the browser retries by itself; after an
        // HTTP error (a proxy's 502 during a restart) it gives up: retry here.
        if (stream.readyState !== EventSource.CLOSED) return;
        stream.close();
        retryTimer = window.setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      });
    };
    connect();
    return () => {
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, []);

  const value = useMemo<LiveEvents>(
    () => ({
      subscribe: (type, handler) => {
        let set = handlers.current.get(type);
        if (!set) {
          set = new Set();
          handlers.current.set(type, set);
        }
        set.add(handler);
        return () => {
          set.delete(handler);
        };
      },
    }),
    [],
  );

  return <LiveEventsContext value={value}>{children}</LiveEventsContext>;
}

/**
 * Calls `handler` for each live event of `type`, and with null when the
 * stream reconnects. Outside a <LiveEventsProvider> it does nothing.
 */
export function useLiveEvent(type: LiveEventType, handler: LiveEventHandler) {
  const live = useContext(LiveEventsContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!live) return;
    return live.subscribe(type, (data) => latest.current(data));
  }, [live, type]);
}
