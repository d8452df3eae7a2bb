import type { Booking } from '../../api/types.ts';

type CalendarLinksProps = { calendar: NonNullable<Booking['calendar']> };

/** "Add to calendar: Google · Outlook · Yahoo · .ics file" for a confirmed booking or session. */
export function CalendarLinks({ calendar }: CalendarLinksProps) {
  return (
    <p className="item-list__meta">
      Add to calendar:{' '}
      <a href={calendar.google} target="_blank" rel="noreferrer">
        Google
      </a>{' '}
      ·{' '}
      <a href={calendar.outlook} target="_blank" rel="noreferrer">
        Outlook
      </a>{' '}
      ·{' '}
      <a href={calendar.yahoo} target="_blank" rel="noreferrer">
        Yahoo
      </a>{' '}
      · <a href={calendar.ics}>.ics file</a>
    </p>
  );
}
