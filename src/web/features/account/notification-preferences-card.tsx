import { type FormEvent, useState } from 'react';
import type { NotificationPreferences } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Checkbox, ChoiceGroup } from '../../ui/checkbox.tsx';
import { SelectField } from '../../ui/field.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type Kind = NotificationPreferences['kinds'][number];
type EmailMode = Kind['email'];

const emailLabels: Record<EmailMode, string> = {
  immediate: 'Right away',
  daily: 'In a daily digest (08:00 your time)',
  off: 'Never',
};

/** Reminder times people pick from, minutes before the session. */
const reminderChoices: { minutes: number; label: string }[] = [
  { minutes: 7 * 24 * 60, label: '1 week before' },
  { minutes: 24 * 60, label: '1 day before' },
  { minutes: 3 * 60, label: '3 hours before' },
  { minutes: 60, label: '1 hour before' },
  { minutes: 15, label: '15 minutes before' },
];

/**
 * What the person receives, per kind of event: in the app (the bell) and by
 * email (right away, in a daily digest where a kind can wait, or never); and
 * when they are reminded of a session.
 */
export function NotificationPreferencesCard() {
  const prefs = useApiQuery('/api/me/notification-preferences');
  return (
    <Card
      title="Notifications"
      id="notifications"
      description="Choose what reaches you in Confer and by email. New messages always show in Messages."
    >
      <ErrorAlert message={prefs.error?.message} />
      {prefs.data ? <PreferencesForm current={prefs.data} onSaved={prefs.setData} /> : null}
    </Card>
  );
}

function PreferencesForm({
  current,
  onSaved,
}: {
  current: NotificationPreferences;
  onSaved: (saved: NotificationPreferences) => void;
}) {
  const api = useApi();
  const submission = useSubmission();
  const [kinds, setKinds] = useState(current.kinds);
  const [reminders, setReminders] = useState(current.reminderMinutes);
  const [saved, setSaved] = useState(false);

  const change = (kind: Kind['kind'], patch: Partial<Pick<Kind, 'inApp' | 'email'>>) => {
    setSaved(false);
    setKinds((all) => all.map((k) => (k.kind === kind ? { ...k, ...patch } : k)));
  };
  const toggleReminder = (minutes: number, on: boolean) => {
    setSaved(false);
    setReminders((all) => (on ? [...all, minutes] : all.filter((m) => m !== minutes)));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/me/notification-preferences', {
          body: {
            kinds: kinds.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
            reminderMinutes: reminders,
          },
        }),
      ),
    );
    if (result.ok) {
      setSaved(true);
      onSaved(result.value);
    }
  }

  const paths = submission.fieldPaths;
  const offered = [
    ...reminderChoices,
    // A time chosen through the API that the list does not offer stays visible.
    ...current.reminderMinutes
      .filter((m) => !reminderChoices.some((c) => c.minutes === m))
      .map((m) => ({ minutes: m, label: `${m} minutes before` })),
  ];
  return (
    <form className="form" onSubmit={submit} noValidate>
      {kinds.map((k, i) => (
        <ChoiceGroup
          key={k.kind}
          legend={k.label}
          hint={k.alwaysSent ? `${k.description}. ${k.alwaysSent}.` : k.description}
        >
          <Checkbox
            label="Show in Confer"
            name={`${k.kind}-in-app`}
            checked={k.inApp}
            onChange={(event) => change(k.kind, { inApp: event.target.checked })}
          />
          <SelectField
            label={`Email for ${k.label.toLowerCase()}`}
            name={`${k.kind}-email`}
            value={k.email}
            error={paths[`kinds.${i}.email`]}
            onChange={(event) => change(k.kind, { email: event.target.value as EmailMode })}
          >
            {(Object.keys(emailLabels) as EmailMode[])
              .filter((mode) => mode !== 'daily' || k.digest)
              .map((mode) => (
                <option key={mode} value={mode}>
                  {emailLabels[mode]}
                </option>
              ))}
          </SelectField>
        </ChoiceGroup>
      ))}
      <ChoiceGroup
        legend="Remind me of each session"
        hint="Up to three; none for no reminders."
        error={paths.reminderMinutes}
      >
        {offered.map((c) => (
          <Checkbox
            key={c.minutes}
            label={c.label}
            name={`reminder-${c.minutes}`}
            checked={reminders.includes(c.minutes)}
            onChange={(event) => toggleReminder(c.minutes, event.target.checked)}
          />
        ))}
      </ChoiceGroup>
      <ErrorAlert message={submission.error} />
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Save notification settings
        </Button>
      </div>
    </form>
  );
}
