import type { FetchOptions } from 'openapi-fetch';
import { useCallback, useEffect, useState } from 'react';
import type { paths } from './api/schema.ts';
import type { ResponseOf } from './api/types.ts';
import { ApiError, ok } from './api.ts';
import { useApi } from './features/auth/session-context.tsx';

/** The paths that answer GET. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: unknown } ? P : never;
}[keyof paths];

/** The `params` of GET `P` (path and query), as openapi-fetch types them. */
type GetParams<P extends GetPath> = Pick<FetchOptions<paths[P]['get']>, 'params'>;

type Loaded<T> = { path: string; data: T } | { path: string; error: ApiError };

export type ApiData<T> = {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the loaded value after a write returned the new state. */
  setData: (data: T) => void;
};

/**
 * GETs `path` with `params` (skipped when the path is null) and reloads on
 * demand; stale results are dropped. The answer's type is the operation's.
 */
export function useApiData<P extends GetPath, T = ResponseOf<P, 'get'>>(
  path: P | null,
  options?: GetParams<P>,
): ApiData<T> {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [version, setVersion] = useState(0);
  // What is loaded: the path with its parameters (a new object each render is the same key).
  const key = path && `${path} ${JSON.stringify(options?.params ?? {})}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path and options
  useEffect(() => {
    if (!key || !path) return;
    // Read `version` so a reload() re-runs this effect.
    void version;
    const controller = new AbortController();
    // openapi-fetch cannot check a path it only knows as a type parameter.
    const get = api.GET as (
      path: string,
      init: object,
    ) => Promise<{ data?: T; response: Response }>;
    ok(get(path, { ...options, signal: controller.signal })).then(
      (data) => setLoaded({ path: key, data }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          err instanceof ApiError
            ? err
            : new ApiError(0, 'unknown', err instanceof Error ? err.message : String(err));
        setLoaded({ path: key, error });
      },
    );
    return () => controller.abort();
  }, [api, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback(
    (data: T) => {
      if (key) setLoaded({ path: key, data });
    },
    [key],
  );

  const current = loaded && loaded.path === key ? loaded : null;
  return {
    data: current && 'data' in current ? current.data : undefined,
    error: current && 'error' in current ? current.error : null,
    loading: Boolean(key) && !current,
    reload,
    setData,
  };
}
