import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';
import { useApi } from './features/auth/session-context.tsx';

type Loaded<T> = { path: string; data: T } | { path: string; error: ApiError };

export type ApiData<T> = {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the loaded value after a write returned the new state. */
  setData: (data: T) => void;
};

/** GETs `path` (skipped when null) and reloads on demand; stale results are dropped. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!path) return;
    // Read `version` so a reload() re-runs this effect.
    void version;
    const controller = new AbortController();
    api.get<T>(path, controller.signal).then(
      (data) => setLoaded({ path, data }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          err instanceof ApiError
            ? err
            : new ApiError(0, 'unknown', err instanceof Error ? err.message : String(err));
        setLoaded({ path, error });
      },
    );
    return () => controller.abort();
  }, [api, path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback(
    (data: T) => {
      if (path) setLoaded({ path, data });
    },
    [path],
  );

  const current = loaded && loaded.path === path ? loaded : null;
  return {
    data: current && 'data' in current ? current.data : undefined,
    error: current && 'error' in current ? current.error : null,
    loading: Boolean(path) && !current,
    reload,
    setData,
  };
}
