import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, ok, undeclaredBody } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

const MAX_MESSAGE = 10_000;

/** Refusals the server names by reason, in words that say what to do next. */
function explain(err: unknown, name: string): string | null {
  if (!(err instanceof ApiError)) return null;
  if (err.reason === 'awaiting_acceptance') {
    return `You have already written to ${name}. You can write again once they accept your message request.`;
  }
  if (err.reason === 'request_rejected') {
    return `${name} declined your message request, so you cannot write to them here.`;
  }
  if (err.reason === 'accept_first') {
    return `${name} has sent you a message request: accept it under Requests → Message requests to reply.`;
  }
  return null;
}

type MessagePersonFormProps = {
  orgId: string;
  to: { userId: string; name: string };
  onClose: () => void;
};

/**
 * Writes to someone directly, then opens the conversation. To someone who is
 * not a connection this is a message request: one message until accepted.
 */
export function MessagePersonForm({ orgId, to, onClose }: MessagePersonFormProps) {
  const api = useApi();
  const navigate = useNavigate();
  const submission = useSubmission();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    setMissing(!text);
    setRefusal(null);
    if (!text) return;
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/threads', {
          params: { path: { orgId } },
          body: undeclaredBody({ toUserId: to.userId, body: text }),
        }),
      ),
    );
    if (result.ok) navigate(`/o/${orgId}/messages/${result.value.threadId}`);
    else setRefusal(explain(result.error, to.name));
  }

  return (
    <form className="form session-panel" aria-label="Message" onSubmit={send} noValidate>
      <TextAreaField
        label={`Message to ${to.name}`}
        name="body"
        rows={4}
        required
        maxLength={MAX_MESSAGE}
        hint={`If you are not connected yet, this is a message request: one message until ${to.name} accepts it.`}
        value={body}
        error={missing ? 'Write something first.' : submission.fieldErrors.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <ErrorAlert message={refusal ?? submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Send message
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
