import { useState } from 'react';
import type { Session } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { BulkDuplicateForm } from './bulk-duplicate-form.tsx';
import { CancelSessionForm } from './cancel-session-form.tsx';
import { DuplicateSessionForm } from './duplicate-session-form.tsx';
import { canActOn } from './session-display.ts';

type Panel = 'duplicate' | 'bulk' | 'cancel';

type SessionActionsProps = {
  session: Session;
  onEdit: () => void;
  /** After a change on the server: what to tell the person. */
  onChanged: (message: string) => void;
};

/** Publish, edit, duplicate, bulk duplicate and cancel; the last three open inline. */
export function SessionActions({ session, onEdit, onChanged }: SessionActionsProps) {
  const api = useApi();
  const [panel, setPanel] = useState<Panel | null>(null);
  const publishing = useSubmission();

  async function publish() {
    const result = await publishing.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/sessions/{sessionId}/publish', {
          params: { path: { orgId: session.orgId, sessionId: session.id } },
        }),
      ),
    );
    if (result.ok) onChanged('Session published');
  }

  function done(message: string) {
    setPanel(null);
    onChanged(message);
  }

  const toggle = (next: Panel) => setPanel(panel === next ? null : next);
  const close = () => setPanel(null);
  return (
    <div className="session-actions">
      <div className="button-row">
        {canActOn(session, 'publish') ? (
          <Button size="small" variant="primary" pending={publishing.pending} onClick={publish}>
            Publish
          </Button>
        ) : null}
        {canActOn(session, 'edit') ? (
          <Button size="small" onClick={onEdit}>
            Edit
          </Button>
        ) : null}
        {canActOn(session, 'duplicate') ? (
          <>
            <Button
              size="small"
              aria-expanded={panel === 'duplicate'}
              onClick={() => toggle('duplicate')}
            >
              Duplicate
            </Button>
            <Button size="small" aria-expanded={panel === 'bulk'} onClick={() => toggle('bulk')}>
              Bulk duplicate
            </Button>
          </>
        ) : null}
        {canActOn(session, 'cancel') ? (
          <Button
            size="small"
            variant="danger"
            aria-expanded={panel === 'cancel'}
            onClick={() => toggle('cancel')}
          >
            Cancel
          </Button>
        ) : null}
      </div>
      <ErrorAlert message={publishing.error} />
      {panel === 'duplicate' ? (
        <DuplicateSessionForm session={session} onDone={done} onClose={close} />
      ) : null}
      {panel === 'bulk' ? (
        <BulkDuplicateForm session={session} onDone={done} onClose={close} />
      ) : null}
      {panel === 'cancel' ? (
        <CancelSessionForm session={session} onDone={done} onClose={close} />
      ) : null}
    </div>
  );
}
