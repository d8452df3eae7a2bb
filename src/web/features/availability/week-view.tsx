import { useState } from 'react';
import { addDays, wallClockAt, zonedInstant } from '../../../core/local-time.ts';
import type { Availability, Booking, Session } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatCalendarDate, formatClockRange } from '../../ui/format-date-time.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { mondayOf, type WeekEvent, weekPlan } from './week-plan.ts';

const states: Record<
  WeekEvent['state'],
  { label: string; tone: 'warning' | 'success' | 'accent' | 'neutral' }
> = {
  pending: { label: 'Requested', tone: 'warning' },
  approved: { label: 'Confirmed', tone: 'success' },
  proposed_move: { label: 'Proposed move', tone: 'neutral' },
  published: { label: 'Session', tone: 'accent' },
  draft: { label: 'Draft', tone: 'neutral' },
  calendar: { label: 'Your calendar', tone: 'neutral' },
};

type WeekViewProps = {
  zone: string;
  mentorId: string;
  availability: Pick<Availability, 'weekly' | 'overrides'> | undefined;
  bookings: Booking[];
  sessions: Session[];
  /** opens the hours editor (for that weekday) */
  onEditHours: () => void;
};

/** Schedule's first view: this week on the mentor's clock, day by day, paging a week at a time. */
export function WeekView(props: WeekViewProps) {
  const today = wallClockAt(Date.now(), props.zone).date;
  const [monday, setMonday] = useState(() => mondayOf(today));
  // The busy times of the mentor's own calendars in the week shown (their titles are theirs alone).
  const weekStart = zonedInstant(monday, '00:00', props.zone);
  const weekEnd = zonedInstant(addDays(monday, 7), '00:00', props.zone);
  const outside = useApiQuery('/api/me/calendars/busy', {
    params: {
      query: {
        from: new Date(weekStart ?? Date.now()).toISOString(),
        to: new Date(weekEnd ?? Date.now() + 7 * 86_400_000).toISOString(),
      },
    },
  });
  const days = weekPlan({
    ...props,
    monday,
    outside: (outside.data?.busy ?? []).map((b) => ({
      ...b,
      startsAt: String(b.startsAt),
      endsAt: String(b.endsAt),
    })),
  });
  const title = `${formatCalendarDate(monday)} – ${formatCalendarDate(addDays(monday, 6))}`;
  return (
    <Card
      title="Your week"
      description={`${title}, in ${props.zone}.`}
      actions={
        <div className="button-row">
          <Button size="small" onClick={() => setMonday(addDays(monday, -7))}>
            Previous week
          </Button>
          <Button
            size="small"
            disabled={monday === mondayOf(today)}
            onClick={() => setMonday(mondayOf(today))}
          >
            This week
          </Button>
          <Button size="small" onClick={() => setMonday(addDays(monday, 7))}>
            Next week
          </Button>
        </div>
      }
    >
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops list semantics from unbulleted lists */}
      <ol role="list" className="week" aria-label={`Week of ${title}`}>
        {days.map((day) => (
          <li
            key={day.date}
            className={day.date === today ? 'week__day week__day--today' : 'week__day'}
          >
            <h3 className="week__date">
              {formatCalendarDate(day.date)}
              {day.date === today ? <span className="visually-hidden"> (today)</span> : null}
            </h3>
            <p className="week__hours">
              {day.hours.length > 0
                ? day.hours.map((h) => `${h.start}–${h.end}`).join(', ')
                : day.overridden
                  ? 'Day off'
                  : 'No hours'}
              {day.overridden ? ' (date override)' : ''}
            </p>
            {day.events.length > 0 ? (
              <ul className="week__events">
                {day.events.map((e) => (
                  <li key={e.key} className={`week__event week__event--${e.state}`}>
                    <span className="week__time">
                      {formatClockRange(e.startsAt, e.endsAt, props.zone)}
                    </span>{' '}
                    <Badge tone={states[e.state].tone}>{states[e.state].label}</Badge>
                    <span className="week__what">{e.what}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <Button size="small" variant="ghost" onClick={props.onEditHours}>
        Edit your weekly hours
      </Button>
    </Card>
  );
}
