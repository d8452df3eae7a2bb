import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** What a subscriber hears besides payloads: the connection going and coming back. */
export type ListenEvents = {
  /** LISTENing again after a loss: payloads sent meanwhile were missed. */
  onReconnect?: () => void;
  /** The connection was lost, or a reconnection attempt failed. */
  onLost?: (err: unknown, attempt: number) => void;
};

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/** Exponential, capped, with full jitter so many servers do not return in step. */
export function retryDelayMs(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

async function openListener(url: string, channel: string, onPayload: (payload: string) => void) {
  const client = new pg.Client({ connectionString: url, keepAlive: true });
  // Errors are handled through `lost`; an unhandled 'error' event would crash the process.
  client.on('error', () => {});
  client.on('notification', (n) => {
    if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
  });
  const lost = new Promise<unknown>((resolve) => {
    client.once('error', resolve);
    client.once('end', () => resolve(new Error('connection ended')));
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  return { client, lost };
}

/**
 * A dedicated connection LISTENing on a channel (a pooled one would be handed
 * to other queries). The first connection must succeed; after that a lost
 * connection is re-established for as long as it takes, with backoff, and
 * `onReconnect` is told each time so subscribers refresh what they show.
 * Resolves with the stop function.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  events: ListenEvents = {},
): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  let current = await openListener(url, channel, onPayload);
  const reconnect = async () => {
    for (let attempt = 0; ; attempt++) {
      await sleep(retryDelayMs(attempt), undefined, { signal: stopping.signal, ref: false });
      try {
        return await openListener(url, channel, onPayload);
      } catch (err) {
        events.onLost?.(err, attempt + 1);
      }
    }
  };
  const run = async () => {
    for (;;) {
      const err = await current.lost;
      if (stopping.signal.aborted) return;
      events.onLost?.(err, 0);
      await current.client.end().catch(() => {});
      current = await reconnect();
      if (stopping.signal.aborted) {
        await current.client.end().catch(() => {});
        return;
      }
      events.onReconnect?.();
    }
  };
  // Rejects only when aborted by stop().
  const running = run().catch(() => {});
  return async () => {
    stopping.abort();
    await current.client.end().catch(() => {});
    await running;
  };
}
