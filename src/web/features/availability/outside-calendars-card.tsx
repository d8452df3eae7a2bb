import { type FormEvent, useState } from 'react';
import type { ResponseOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { Badge } from '../../ui/chips.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { TextField } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useViewerTimeZone } from '../auth/session-context.tsx';

type Calendar = ResponseOf<'/api/me/calendars', 'get'>['calendars'][number];

const statusBadges: Record<
  Calendar['status'],
  { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }
> = {
  waiting: { label: 'Reading…', tone: 'neutral' },
  ok: { label: 'Up to date', tone: 'success' },
  stale: { label: 'Not read lately', tone: 'warning' },
  failing: { label: 'Cannot be read', tone: 'danger' },
};

/**
 * Schedule → Calendars (issue #14): the mentor's own calendars, by their
 * secret iCalendar address; their busy times block slots. Each shows when it
 * was last read and a warning when reading fails or goes stale.
 */
export function OutsideCalendarsCard() {
  const api = useApi();
  const zone = useViewerTimeZone();
  const calendars = useApiQuery('/api/me/calendars');
  const [url, setUrl] = useState('');
  const [tentativeIsBusy, setTentativeIsBusy] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const adding = useSubmission();
  const acting = useSubmission();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const result = await adding.run(() =>
      ok(api.POST('/api/me/calendars', { body: { url, tentativeIsBusy } })),
    );
    if (result.ok) {
      setUrl('');
      setDone('Calendar added: Confer reads it within a minute, then every ten minutes.');
      calendars.reload();
    }
  }

  async function refresh(calendar: Calendar) {
    const result = await acting.run(() =>
      ok(
        api.POST('/api/me/calendars/{calendarId}/refresh', {
          params: { path: { calendarId: calendar.id } },
        }),
      ),
    );
    if (result.ok) setDone(`${calendar.label} will be read again in a moment.`);
  }

  async function remove(calendar: Calendar) {
    const result = await acting.run(() =>
      ok(
        api.DELETE('/api/me/calendars/{calendarId}', {
          params: { path: { calendarId: calendar.id } },
        }),
      ),
    );
    if (result.ok) {
      setDone(`${calendar.label} removed; its busy times no longer block your slots.`);
      calendars.reload();
    }
  }

  const list = calendars.data?.calendars ?? [];
  return (
    <Card
      title="Calendars"
      id="calendars"
      description="Your own calendars: their busy times block your slots, so nobody books you over a meeting. Only you see their event titles."
    >
      <StatusAlert message={done} />
      <ErrorAlert message={calendars.error?.message ?? acting.error} />
      {calendars.loading && !calendars.data ? <Loading /> : null}
      {calendars.data && list.length === 0 ? (
        <p className="muted">No calendar yet: only your bookings and sessions here block time.</p>
      ) : null}
      <ul className="item-list" aria-label="Your calendars">
        {list.map((calendar) => {
          const badge = statusBadges[calendar.status];
          return (
            <li key={calendar.id} className="item-list__item">
              <div>
                <p className="item-list__title">
                  {calendar.label} <Badge tone={badge.tone}>{badge.label}</Badge>
                </p>
                <p className="item-list__meta">
                  {calendar.lastOkAt
                    ? `Read ${formatDateTime(calendar.lastOkAt, zone)} · ${calendar.busyCount} busy ${calendar.busyCount === 1 ? 'time' : 'times'}`
                    : 'Not read yet'}
                  {calendar.tentativeIsBusy ? '' : ' · tentative events left free'}
                </p>
                {calendar.lastError ? (
                  <Alert tone="warning">
                    The last read failed: {calendar.lastError}.
                    {calendar.lastOkAt
                      ? ' The busy times it gave before still count.'
                      : ' Check the address.'}
                  </Alert>
                ) : null}
              </div>
              <div className="item-list__actions">
                <Button
                  size="small"
                  aria-label={`Read ${calendar.label} again`}
                  pending={acting.pending}
                  onClick={() => refresh(calendar)}
                >
                  Read again
                </Button>
                <ConfirmButton
                  label="Remove"
                  accessibleLabel={`Remove ${calendar.label}`}
                  question={`Remove ${calendar.label}? Its busy times stop blocking your slots.`}
                  confirmLabel="Yes, remove"
                  pending={acting.pending}
                  onConfirm={() => remove(calendar)}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <form className="form subform" aria-label="Add a calendar" onSubmit={add} noValidate>
        <h3 className="subform__title">Add a calendar</h3>
        <TextField
          label="Secret iCalendar address"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          hint="Google: Settings → your calendar → “Secret address in iCal format”. Outlook: Calendar → Shared calendars → Publish → ICS. Apple: share the calendar publicly (webcal://)."
          value={url}
          error={adding.fieldErrors.url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <Checkbox
          label="Tentative events count as busy"
          checked={tentativeIsBusy}
          onChange={(event) => setTentativeIsBusy(event.target.checked)}
        />
        <ErrorAlert message={adding.error} />
        <div className="button-row">
          <Button type="submit" variant="primary" pending={adding.pending}>
            Add calendar
          </Button>
        </div>
      </form>
    </Card>
  );
}
