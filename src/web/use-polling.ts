import { useEffect } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the page is visible, and once on
 * coming back to it: lists stay fresh without notifications or sockets.
 */
export function usePolling(refresh: () => void, intervalMs = 60_000) {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    const timer = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [refresh, intervalMs]);
}
