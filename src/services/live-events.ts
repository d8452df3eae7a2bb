import type { Database } from '../db/client.ts';
import { LIVE_CHANNEL } from '../db/queries/live-events.ts';

/**
 * Hears every live event that any instance announces (`announceChange`), after
 * its transaction commits. The HTTP layer forwards them to browsers; the
 * channel's name stays with the database code that writes to it.
 */
export function listenToLiveEvents(
  database: Database,
  onPayload: (payload: string) => void,
  events?: Parameters<Database['listen']>[2],
) {
  return database.listen(LIVE_CHANNEL, onPayload, events);
}
