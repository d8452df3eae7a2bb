import { type FormEvent, useState } from 'react';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import type { MentorshipRequest, MentorshipRequestKind, NewMentorshipRequest } from './types.ts';

const MAX_MESSAGE = 2000;

const wording: Record<
  MentorshipRequestKind,
  { title: string; submit: string; hint: (name: string) => string }
> = {
  offer: {
    title: 'Offer to mentor',
    submit: 'Send offer',
    hint: (name) => `Say what you could help ${name} with. They can book you or ask for a session.`,
  },
  session_request: {
    title: 'Request a session',
    submit: 'Send request',
    hint: (name) => `Say what you would like to talk about. ${name} answers by booking a session.`,
  },
};

type SendRequestFormProps = {
  orgId: string;
  kind: MentorshipRequestKind;
  to: { userId: string; name: string };
  onSent: (request: MentorshipRequest) => void;
  onClose: () => void;
};

/** An offer to mentor or a session request, with a message (seed 001). */
export function SendRequestForm({ orgId, kind, to, onSent, onClose }: SendRequestFormProps) {
  const api = useApi();
  const submission = useSubmission();
  const [message, setMessage] = useState('');
  const words = wording[kind];

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: NewMentorshipRequest = { kind, toUserId: to.userId, message: message.trim() };
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/mentorship-requests', {
          params: { path: { orgId } },
          body: body,
        }),
      ),
    );
    if (result.ok) onSent(result.value);
  }

  return (
    <form className="form session-panel" aria-label={words.title} onSubmit={send} noValidate>
      <TextAreaField
        label={`Message to ${to.name}`}
        name="message"
        rows={3}
        maxLength={MAX_MESSAGE}
        hint={words.hint(to.name)}
        value={message}
        error={submission.fieldErrors.message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          {words.submit}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
