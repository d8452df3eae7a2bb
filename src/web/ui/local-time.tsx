import { formatTime } from './format-date-time.ts';
import { useNow } from './use-now.ts';

/** "15:04 local time" in someone else's zone. */
export function LocalTime({ timeZone }: { timeZone: string }) {
  const now = useNow();
  return (
    <span className="local-time">
      <time dateTime={now.toISOString()}>{formatTime(now, timeZone)}</time> local time
    </span>
  );
}
