import { useState } from 'react';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { CopyField } from '../../ui/copy-field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

/**
 * A secret address to subscribe to from Google Calendar, Outlook or Apple
 * Calendar: confirmed sessions, and pending requests as tentative.
 */
export function CalendarFeedCard() {
  const api = useApi();
  const submission = useSubmission();
  const [url, setUrl] = useState<string | null>(null);

  async function create() {
    const result = await submission.run(() => ok(api.POST('/api/me/calendar-feed')));
    if (result.ok) setUrl(result.value.url);
  }

  return (
    <Card
      title="Calendar feed"
      description="Subscribe to your sessions from your calendar app. Pending requests show as tentative. Anyone with the address can read it: making a new one turns the old one off."
    >
      <ErrorAlert message={submission.error} />
      {url ? (
        <CopyField
          label="Calendar address"
          value={url}
          hint="Shown once; paste it into your calendar app."
        />
      ) : null}
      <Button onClick={() => void create()} pending={submission.pending}>
        {url ? 'Make a new address' : 'Create calendar address'}
      </Button>
    </Card>
  );
}
