import { type FormEvent, useId, useState } from 'react';
import type { ProgramSummary, Session } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import {
  checkSessionDraft,
  type MentorOption,
  newSessionDraft,
  type SessionDraft,
  sessionDraftOf,
  toSessionInput,
} from './session-draft.ts';
import { SessionPlaceFields } from './session-place-fields.tsx';
import { SessionWhatFields } from './session-what-fields.tsx';

type Intent = 'draft' | 'publish' | 'publish-and-duplicate' | 'save';

const savedMessages: Record<Intent, string> = {
  draft: 'Draft saved',
  publish: 'Session published',
  'publish-and-duplicate': 'Session published',
  save: 'Session saved',
};

type SessionFormProps = {
  orgId: string;
  /** Mentors the session may be for; a mentor's own form passes just them. */
  mentors: MentorOption[];
  /** Admins pick the mentor; mentors create sessions for themselves. */
  chooseMentor: boolean;
  programs: ProgramSummary[];
  /** The session being edited, or null for a new one. */
  session: Session | null;
  /** Values a new session starts with (e.g. the mentee asking for it). */
  initial?: Partial<SessionDraft> | undefined;
  onSaved: (session: Session, message: string, keepOpen: boolean) => void;
  onClose: () => void;
};

/** Create or edit a session: save as a draft, publish, or publish and start the next one. */
export function SessionForm(props: SessionFormProps) {
  const { orgId, mentors, chooseMentor, programs, session, initial, onSaved, onClose } = props;
  const api = useApi();
  const headingId = useId();
  const [draft, setDraft] = useState<SessionDraft>(() =>
    session
      ? sessionDraftOf(session)
      : { ...newSessionDraft(chooseMentor ? undefined : mentors[0]), ...initial },
  );
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [intent, setIntent] = useState<Intent | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const submission = useSubmission();
  const errors = { ...submission.fieldErrors, ...localErrors };

  const listed = mentors.find((option) => option.userId === draft.mentorId);
  // An existing session keeps its mentor and program even if their roles changed since.
  const mentor: MentorOption | undefined = session
    ? { ...session.mentor, programIds: [session.programId] }
    : listed;
  const program = useApiQuery(draft.programId ? '/api/orgs/{orgId}/programs/{programId}' : null, {
    params: { path: { orgId, programId: draft.programId } },
  });
  const groups = useApiQuery('/api/orgs/{orgId}/groups', { params: { path: { orgId } } });
  const mentees = (program.data?.members ?? []).filter(
    (member) => member.role === 'mentee' && member.userId !== draft.mentorId,
  );

  function set<K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) {
    setPublished(null);
    setLocalErrors(({ [key]: _fixed, ...rest }) => rest);
    setDraft((current) => {
      const next = { ...current, [key]: value };
      if (key === 'mentorId') {
        const chosen = mentors.find((option) => option.userId === value);
        const fresh = newSessionDraft(chosen);
        return { ...next, programId: fresh.programId, locationTimeZone: fresh.locationTimeZone };
      }
      return key === 'programId' ? { ...next, menteeId: '' } : next;
    });
  }

  function write(chosen: Intent): Promise<Session> {
    const zone = mentor?.timeZone ?? 'UTC';
    const { publish: _publish, menteeId, ...changes } = toSessionInput(draft, zone, false);
    if (!session) {
      return ok(
        api.POST('/api/orgs/{orgId}/sessions', {
          params: { path: { orgId } },
          body: {
            ...toSessionInput(draft, zone, chosen !== 'draft'),
            programId: draft.programId,
            mentorId: draft.mentorId,
          },
        }),
      );
    }
    const params = { path: { orgId, sessionId: session.id } };
    // Only a newly chosen mentee is sent: leaving "None" never takes anyone off.
    const isNewMentee = menteeId && !session.enrolled.some((person) => person.userId === menteeId);
    const body = { ...changes, ...(isNewMentee ? { menteeId } : {}) };
    return ok(api.PATCH('/api/orgs/{orgId}/sessions/{sessionId}', { params, body })).then(
      (updated) =>
        chosen === 'publish' && updated.status === 'draft'
          ? ok(api.POST('/api/orgs/{orgId}/sessions/{sessionId}/publish', { params }))
          : updated,
    );
  }

  async function save(chosen: Intent) {
    setPublished(null);
    const problems = checkSessionDraft(draft);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setIntent(chosen);
    const result = await submission.run(() => write(chosen));
    setIntent(null);
    if (!result.ok) return;
    const keepOpen = chosen === 'publish-and-duplicate';
    if (keepOpen) setPublished(savedMessages[chosen]);
    onSaved(result.value, savedMessages[chosen], keepOpen);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(session?.status === 'published' ? 'save' : 'draft');
  }

  const isDraft = !session || session.status === 'draft';
  return (
    <form
      className="form subform session-form"
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
    >
      <h3 className="subform__title" id={headingId}>
        {session ? 'Edit session' : 'New session'}
      </h3>
      <SessionWhatFields
        draft={draft}
        errors={errors}
        set={set}
        mentors={chooseMentor ? mentors : null}
        mentor={mentor}
        programs={programs}
        mentees={mentees}
        editing={Boolean(session)}
      />
      <SessionPlaceFields
        draft={draft}
        errors={errors}
        set={set}
        groups={groups.data?.groups ?? []}
      />
      <ErrorAlert
        message={
          submission.error ??
          (Object.keys(localErrors).length > 0 ? 'Please correct the marked fields.' : null)
        }
      />
      {published ? (
        <Alert tone="success">
          {published}. Change the date and start time to publish the next one.
        </Alert>
      ) : null}
      <div className="button-row">
        {isDraft ? (
          <>
            <Button type="submit" pending={intent === 'draft'} disabled={submission.pending}>
              Save draft
            </Button>
            <Button
              variant="primary"
              pending={intent === 'publish'}
              disabled={submission.pending}
              onClick={() => save('publish')}
            >
              Publish
            </Button>
          </>
        ) : (
          <Button type="submit" variant="primary" pending={intent === 'save'}>
            Save changes
          </Button>
        )}
        {session ? null : (
          <Button
            pending={intent === 'publish-and-duplicate'}
            disabled={submission.pending}
            onClick={() => save('publish-and-duplicate')}
          >
            Publish &amp; duplicate
          </Button>
        )}
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
