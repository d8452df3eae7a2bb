import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** How often a query that live events would keep current is refetched while the stream is down. */
export const FALLBACK_POLL_MS = 30_000;

/**
 * The app's one cache of server state. Failures the server meant (a 4xx:
 * refused, gone, invalid) are shown at once; a network failure or a 5xx is
 * tried twice more with backoff before the page shows it.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        // Live events and reconnections say when data is stale; focus adds a cheap catch-up.
        refetchOnWindowFocus: true,
      },
    },
  });
}
