import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FetchOptions } from 'openapi-fetch';
import { useCallback, useMemo } from 'react';
import type { paths } from './api/schema.ts';
import type { GetPath, ResponseOf } from './api/types.ts';
import { ApiError, ok } from './api.ts';
import { useApi } from './features/auth/session-context.tsx';
import { useLiveStatus } from './live-events.tsx';
import { type ApiQueryKey, pathResources } from './live-queries.ts';
import { FALLBACK_POLL_MS } from './query-client.ts';

/** The `params` of GET `P` (path and query), as openapi-fetch types them. */
type GetParams<P extends GetPath> = Pick<FetchOptions<paths[P]['get']>, 'params'>;

export type ApiQuery<T> = {
  data: T | undefined;
  error: ApiError | null;
  /** Nothing to show yet (the first load of this key). */
  loading: boolean;
  /** Refetch now (after a write of the user's own). */
  reload: () => void;
  /** Replace the cached value after a write returned the new state. */
  setData: (data: T) => void;
};

/**
 * GET `path` with `params` through the app's one cache (skipped when the
 * path is null). The key is the path and its parameters, so every page
 * reading the same resource shares one copy; live events mark it stale when
 * the server announces a change to what it reads (live-queries.ts), and
 * while the stream is down it is polled instead. The answer's type is the
 * operation's.
 */
export function useApiQuery<P extends GetPath, T = ResponseOf<P, 'get'>>(
  path: P | null,
  options?: GetParams<P>,
): ApiQuery<T> {
  const api = useApi();
  const client = useQueryClient();
  const live = useLiveStatus();
  const params = (options?.params ?? {}) as ApiQueryKey[1];
  const serialised = JSON.stringify(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `serialised` stands for params
  const key = useMemo(() => (path ? ([path, params] as const) : null), [path, serialised]);
  const followsLiveEvents = path !== null && pathResources[path].length > 0;

  const query = useQuery<T, ApiError>({
    queryKey: key ?? ['disabled'],
    enabled: key !== null,
    queryFn: async ({ signal }) => {
      // openapi-fetch cannot check a path it only knows as a type parameter.
      const get = api.GET as (
        path: string,
        init: object,
      ) => Promise<{ data?: T; response: Response }>;
      try {
        return await ok(get(path as string, { params, signal }));
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError(0, 'unknown', err instanceof Error ? err.message : String(err));
      }
    },
    // While the stream is live, a query it covers is fresh until an event says otherwise.
    staleTime: followsLiveEvents && live === 'live' ? Number.POSITIVE_INFINITY : 0,
    refetchInterval: followsLiveEvents && live !== 'live' ? FALLBACK_POLL_MS : false,
  });

  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback(
    (data: T) => {
      if (key) client.setQueryData(key, data);
    },
    [client, key],
  );
  return {
    data: key ? query.data : undefined,
    error: key ? query.error : null,
    loading: key !== null && query.isPending,
    reload,
    setData,
  };
}
