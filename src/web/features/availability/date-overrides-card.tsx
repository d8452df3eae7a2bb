import { useState } from 'react';
import type { Availability, DateOverride } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatCalendarDate } from '../../ui/format-date-time.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { toInputTime } from './availability-draft.ts';
import { OverrideForm } from './override-form.tsx';

type DateOverridesCardProps = {
  availability: Availability;
  onChanged: (availability: Availability) => void;
};

function describeRanges(override: DateOverride): string {
  return override.ranges.map((range) => `${range.start}–${toInputTime(range.end)}`).join(', ');
}

/** Dates whose hours differ from the weekly ones: other hours, or a day off. */
export function DateOverridesCard({ availability, onChanged }: DateOverridesCardProps) {
  const api = useApi();
  const [editing, setEditing] = useState<DateOverride | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Bumped after a save so the form starts afresh.
  const [formVersion, setFormVersion] = useState(0);
  const removal = useSubmission();
  const overrides = [...availability.overrides].sort((a, b) => a.date.localeCompare(b.date));

  async function remove(override: DateOverride) {
    setDone(null);
    const result = await removal.run(() =>
      ok(
        api.DELETE('/api/me/availability/overrides/{date}', {
          params: { path: { date: encodeURIComponent(override.date) } },
        }),
      ),
    );
    if (!result.ok) return;
    if (editing?.date === override.date) setEditing(null);
    setDone(`Override on ${formatCalendarDate(override.date, true)} deleted`);
    onChanged({
      ...availability,
      overrides: availability.overrides.filter((other) => other.date !== override.date),
    });
  }

  return (
    <Card
      title="Date overrides"
      description={`Other hours, or a day off, on particular dates. Dates and hours are in ${availability.timeZone}.`}
    >
      {overrides.length === 0 ? <p className="muted">No overrides yet.</p> : null}
      <ul className="item-list" aria-label="Date overrides">
        {overrides.map((override) => {
          const day = formatCalendarDate(override.date, true);
          return (
            <li key={override.date} className="item-list__item">
              <div>
                <p className="item-list__title">{day}</p>
                <p className="item-list__meta">
                  {override.ranges.length === 0 ? (
                    <Badge tone="warning">Day off</Badge>
                  ) : (
                    describeRanges(override)
                  )}
                </p>
              </div>
              <div className="item-list__actions">
                <Button
                  size="small"
                  aria-label={`Edit override on ${day}`}
                  onClick={() => {
                    setDone(null);
                    setEditing(override);
                  }}
                >
                  Edit
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  aria-label={`Delete override on ${day}`}
                  pending={removal.pending}
                  onClick={() => remove(override)}
                >
                  Delete
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorAlert message={removal.error} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      <OverrideForm
        key={`${editing?.date ?? 'new'}-${formVersion}`}
        initial={editing}
        onCancel={() => setEditing(null)}
        onSaved={(saved, date) => {
          setEditing(null);
          setFormVersion((version) => version + 1);
          setDone(`Override saved for ${formatCalendarDate(date, true)}`);
          onChanged(saved);
        }}
      />
    </Card>
  );
}
