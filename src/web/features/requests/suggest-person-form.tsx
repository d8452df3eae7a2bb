import { type FormEvent, useState } from 'react';
import type { Member } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useSignedInUser } from '../auth/session-context.tsx';

const MAX_NOTE = 2000;
const PAGE_SIZE = 50;

const mentors = (member: Member) => member.programs.some((program) => program.role === 'mentor');

type SuggestPersonFormProps = {
  orgId: string;
  to: { userId: string; name: string };
  onSent: (message: string) => void;
  onClose: () => void;
};

/**
 * Suggests someone to this person (a mentor to a mentee, or a mentee to a
 * mentor): they get a notification linking to the suggested profile.
 */
export function SuggestPersonForm({ orgId, to, onSent, onClose }: SuggestPersonFormProps) {
  const api = useApi();
  const me = useSignedInUser();
  // Found on the server, a page at a time: an organisation may be large.
  const [find, setFind] = useState('');
  const words = useDebouncedValue(find.trim(), 250);
  const query = { limit: PAGE_SIZE, ...(words ? { q: words } : {}) };
  const members = useApiQuery('/api/orgs/{orgId}/members', {
    params: { path: { orgId }, query },
  });
  const submission = useSubmission();
  const [suggestedUserId, setSuggestedUserId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  const candidates = (members.data?.members ?? [])
    .filter((member) => member.userId !== to.userId && member.userId !== me.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  const groups = [
    { label: 'Mentors', people: candidates.filter(mentors) },
    { label: 'Other members', people: candidates.filter((member) => !mentors(member)) },
  ].filter((group) => group.people.length > 0);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!suggestedUserId);
    if (!suggestedUserId) return;
    const suggested = candidates.find((member) => member.userId === suggestedUserId);
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/suggestions', {
          params: { path: { orgId } },
          body: {
            toUserId: to.userId,
            suggestedUserId,
            note: note.trim(),
          },
        }),
      ),
    );
    if (result.ok) onSent(`You suggested ${suggested?.name ?? 'them'} to ${to.name}`);
  }

  return (
    <form className="form session-panel" aria-label="Suggest someone" onSubmit={send} noValidate>
      {members.loading ? <Loading /> : null}
      <ErrorAlert message={members.error?.message} />
      <TextField
        label="Find a member"
        type="search"
        value={find}
        hint={`The first ${PAGE_SIZE} by name; type a name or a skill to find someone else.`}
        onChange={(event) => setFind(event.target.value)}
      />
      <SelectField
        label={`Someone to suggest to ${to.name}`}
        name="suggestedUserId"
        required
        value={suggestedUserId}
        hint={`${to.name} gets a notification with a link to their profile.`}
        error={missing ? 'Choose someone to suggest.' : submission.fieldErrors.suggestedUserId}
        onChange={(event) => setSuggestedUserId(event.target.value)}
      >
        <option value="">Choose a member…</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.people.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextAreaField
        label="Note"
        name="note"
        rows={3}
        maxLength={MAX_NOTE}
        hint="Why they would be a good fit (optional)."
        value={note}
        error={submission.fieldErrors.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Send suggestion
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
