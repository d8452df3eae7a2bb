import { useEffect, useState } from 'react';
import { formatTime } from './format-date-time.ts';

/** Re-renders every 30 seconds with the current time. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "15:04 local time" in someone else's zone. */
export function LocalTime({ timeZone }: { timeZone: string }) {
  const now = useNow();
  return (
    <span className="local-time">
      <time dateTime={now.toISOString()}>{formatTime(now, timeZone)}</time> local time
    </span>
  );
}
