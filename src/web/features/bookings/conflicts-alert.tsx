import type { BookingConflict } from '../../api/types.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatTimeSpan } from '../../ui/format-date-time.ts';

const kindLabels: Record<BookingConflict['kind'], string> = {
  session: 'Session',
  booking: 'Booking',
  outside_hours: 'Outside your hours',
  calendar: 'In your calendar',
};

type ConflictsAlertProps = { conflicts: BookingConflict[]; viewerZone: string };

/** What already sits in the mentor's calendar at the requested time (seed 004's checklist). */
export function ConflictsAlert({ conflicts, viewerZone }: ConflictsAlertProps) {
  if (conflicts.length === 0) return null;
  return (
    <Alert tone="warning">
      <p>
        <strong>This clashes with your calendar:</strong>
      </p>
      {conflicts.map((conflict) => (
        <p key={`${conflict.kind}-${conflict.startsAt}-${conflict.title}`}>
          {conflict.title || kindLabels[conflict.kind]}
          {/* Outside hours spans the request itself, shown above; a clash has its own time. */}
          {conflict.kind === 'outside_hours'
            ? ''
            : `, ${formatTimeSpan(conflict.startsAt, conflict.endsAt, viewerZone)}`}
        </p>
      ))}
    </Alert>
  );
}
