import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type LiveChange, liveEventTypes } from '../core/live-changes.ts';
import { type ApiQueryKey, isMissedBefore, isStaleAfter } from './live-queries.ts';

/**
 * `live`: the stream is open, so cached lists are current until an event
 * says otherwise. `connecting` / `down`: events may be missed, so lists the
 * stream would keep current are polled (use-api-query.ts).
 */
export type LiveStatus = 'connecting' | 'live' | 'down';

const LiveStatusContext = createContext<LiveStatus>('down');

const EVENTS_PATH = '/api/me/events';
const RETRY_FIRST_MS = 3_000;
const RETRY_MAX_MS = 60_000;
const COALESCE_MS = 15;

function parseChange(data: unknown): LiveChange | null {
  try {
    const value: unknown = typeof data === 'string' ? JSON.parse(data) : null;
    if (value && typeof value === 'object' && Array.isArray((value as LiveChange).resources)) {
      return value as LiveChange;
    }
  } catch {
    // A malformed event is treated as "something changed": see below.
  }
  return null;
}

const isApiKey = (key: readonly unknown[]): key is ApiQueryKey =>
  typeof key[0] === 'string' && key[0].startsWith('/') && typeof key[1] === 'object';

/**
 * Holds the one server-sent event stream of a signed-in app and turns its
 * events into cache invalidations: each event names the resources a change
 * made stale (and its organisation, thread, booking or mentor), and every
 * cached query reading one of them is refetched if shown, or on its next
 * use. On a reconnection or `resync` events may have been missed, so
 * everything cached since the stream was last open is refetched. Mount it
 * once, inside the session.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setStatus('down');
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let retryMs = RETRY_FIRST_MS;
    // Data fetched before the stream was open may predate an event it did not hear,
    // and a fetch that failed while it was down would not be tried again.
    const refetchMissed = () => {
      const openedAt = Date.now();
      void client.invalidateQueries(
        { predicate: ({ state }) => isMissedBefore(state, openedAt) },
        { cancelRefetch: false },
      );
    };
    // Changes heard within a few milliseconds (a decision and its follow-up)
    // are applied together, so a list refetches once rather than twice.
    let pending: (LiveChange | null)[] = [];
    let flushTimer: number | undefined;
    const flush = () => {
      const changes = pending;
      pending = [];
      flushTimer = undefined;
      void client.invalidateQueries({
        predicate: ({ queryKey }) =>
          isApiKey(queryKey) &&
          changes.some((change) => change === null || isStaleAfter(queryKey, change)),
      });
    };
    const invalidate = (change: LiveChange | null) => {
      pending.push(change);
      flushTimer ??= window.setTimeout(flush, COALESCE_MS);
    };
    const connect = () => {
      const stream = new EventSource(EVENTS_PATH);
      source = stream;
      // Sent on every (re)connection: whatever happened while away was not heard.
      stream.addEventListener('ready', () => {
        retryMs = RETRY_FIRST_MS;
        setStatus('live');
        refetchMissed();
      });
      // The server lost its own feed of events for a while (a database outage).
      stream.addEventListener('resync', () => invalidate(null));
      for (const type of liveEventTypes) {
        stream.addEventListener(type, (event) => invalidate(parseChange(event.data)));
      }
      stream.addEventListener('error', () => {
        setStatus('down');
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
      window.clearTimeout(flushTimer);
      source?.close();
    };
  }, [client]);

  return <LiveStatusContext value={status}>{children}</LiveStatusContext>;
}

/** Whether live events are arriving; outside a <LiveEventsProvider>, `down` (poll). */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}
