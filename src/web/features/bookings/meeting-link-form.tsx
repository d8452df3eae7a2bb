import { type FormEvent, useState } from 'react';
import type { Booking } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

function isWebAddress(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

type MeetingLinkFormProps = {
  booking: Booking;
  onChanged: (message: string, updated: Booking) => void;
  onClose: () => void;
};

/** The mentor adds or replaces the video link of a confirmed session (seed 003: Add link). */
export function MeetingLinkForm({ booking, onChanged, onClose }: MeetingLinkFormProps) {
  const api = useApi();
  const [url, setUrl] = useState(booking.meetingUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = url.trim();
    const valid = isWebAddress(trimmed);
    setProblem(valid ? null : 'Enter a web address starting with https://');
    if (!valid) return;
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/orgs/{orgId}/bookings/{bookingId}/meeting-link', {
          params: { path: { orgId: booking.orgId, bookingId: booking.id } },
          body: { meetingUrl: trimmed },
        }),
      ),
    );
    if (result.ok) {
      onChanged(`Meeting link saved for your session with ${booking.mentee.name}`, result.value);
      onClose();
    }
  }

  return (
    <form
      className="form session-panel"
      aria-label="Edit meeting link"
      onSubmit={submit}
      noValidate
    >
      <TextField
        label="Meeting link"
        name="meetingUrl"
        type="url"
        required
        placeholder="https://"
        hint={`${booking.mentee.name} sees it and can join from 10 minutes before the start.`}
        value={url}
        error={problem ?? submission.fieldErrors.meetingUrl}
        onChange={(event) => setUrl(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Save link
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
