import { useState } from 'react';
import type { RequestOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useSession } from '../auth/session-context.tsx';

type NudgeBody = RequestOf<'/api/orgs/{orgId}/nudges', 'post'>;

/**
 * "Nudge" on a row of Reports' action lists (issue #13): one click sends the
 * standard reminder, in the bell and by email as each person chose; the
 * server allows one a day per match or mentor and says so.
 */
export function NudgeButton({
  orgId,
  body,
  who,
}: {
  orgId: string;
  body: NudgeBody;
  /** whom it reaches, for assistive technology: "Nudge Maya Okafor" */
  who: string;
}) {
  const { api } = useSession();
  const submission = useSubmission();
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <span className="muted" role="status">
        Nudged
      </span>
    );
  }
  return (
    <span className="nudge">
      <Button
        size="small"
        aria-label={`Nudge ${who}`}
        pending={submission.pending}
        onClick={async () => {
          const result = await submission.run(() =>
            ok(api.POST('/api/orgs/{orgId}/nudges', { params: { path: { orgId } }, body })),
          );
          if (result.ok) setSent(true);
        }}
      >
        Nudge
      </Button>
      {submission.error ? (
        <span className="field__error" role="alert">
          {' '}
          {submission.error}
        </span>
      ) : null}
    </span>
  );
}
