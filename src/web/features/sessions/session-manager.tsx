import { type ReactNode, useState } from 'react';
import type { ProgramSummary, Session } from '../../api/types.ts';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useSignedInUser, useViewerTimeZone } from '../auth/session-context.tsx';
import { SessionActions } from './session-actions.tsx';
import { sortForManaging } from './session-display.ts';
import type { MentorOption, SessionDraft } from './session-draft.ts';
import { SessionForm } from './session-form.tsx';
import { SessionSummary } from './session-summary.tsx';

type SessionManagerProps = {
  id?: string;
  title: string;
  description: string;
  emptyText: string;
  orgId: string;
  sessions: Session[] | undefined;
  loading: boolean;
  error: string | null | undefined;
  mentors: MentorOption[];
  /** Admins choose the mentor in the form; mentors create their own sessions. */
  chooseMentor: boolean;
  programs: ProgramSummary[];
  /** Reload the list after any change. */
  onChanged: () => void;
  /** Open the new-session form at once with these values (a link from a request). */
  startWith?: Partial<SessionDraft> | undefined;
  /** filters above the list (an admin's mentor, program and period) */
  filters?: ReactNode;
};

/** A card of sessions to manage, with a form for new ones and actions on each. */
export function SessionManager(props: SessionManagerProps) {
  const { orgId, sessions, mentors, chooseMentor, programs, onChanged } = props;
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const [creating, setCreating] = useState(Boolean(props.startWith));
  const [editingId, setEditingId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Read once: which sessions are past need not tick over while the page is open.
  const [now] = useState(() => Date.now());

  function changed(message: string) {
    setStatus(message);
    onChanged();
  }

  function saved(message: string, keepOpen: boolean, close: () => void) {
    // The form shows its own note when it stays open; one status at a time.
    setStatus(keepOpen ? null : message);
    if (!keepOpen) close();
    onChanged();
  }

  const formProps = { orgId, mentors, chooseMentor, programs };
  const list = sortForManaging(sessions ?? [], now);
  return (
    <Card
      id={props.id}
      title={props.title}
      description={props.description}
      actions={
        <Button
          variant="primary"
          disabled={mentors.length === 0}
          aria-expanded={creating}
          onClick={() => {
            setStatus(null);
            setCreating(!creating);
          }}
        >
          New session
        </Button>
      }
    >
      {props.filters}
      {creating ? (
        <SessionForm
          {...formProps}
          session={null}
          initial={props.startWith}
          onClose={() => setCreating(false)}
          onSaved={(_session, message, keepOpen) =>
            saved(message, keepOpen, () => setCreating(false))
          }
        />
      ) : null}
      <StatusAlert message={status} />
      <ErrorAlert message={props.error} />
      {props.loading ? <Loading /> : null}
      {sessions && list.length === 0 ? <p className="muted">{props.emptyText}</p> : null}
      <ul className="item-list" aria-label={props.title}>
        {list.map((session) => {
          const titleId = `session-${session.id}-title`;
          return (
            <li key={session.id} className="item-list__item session-item" aria-labelledby={titleId}>
              <SessionSummary
                session={session}
                viewerId={me.id}
                viewerZone={viewerZone}
                titleId={titleId}
              />
              {editingId === session.id ? (
                <SessionForm
                  {...formProps}
                  session={session}
                  onClose={() => setEditingId(null)}
                  onSaved={(_session, message) => saved(message, false, () => setEditingId(null))}
                />
              ) : (
                <SessionActions
                  session={session}
                  onEdit={() => {
                    setStatus(null);
                    setEditingId(session.id);
                  }}
                  onChanged={changed}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
