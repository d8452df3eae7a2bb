import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Session } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { ReasonForm } from '../../ui/reason-form.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { bookingStatusLabels } from '../bookings/booking-display.ts';
import { RatingForm } from '../bookings/rating-form.tsx';

type Enrolled = Session['enrolled'][number];
type Step = 'leave' | 'attendance' | 'rating';
type Panel = 'leave' | 'rate';

/** A no-show reads as a booking's does. */
const outcomeWords: Record<NonNullable<Enrolled['outcome']>, string> = {
  attended: 'Took place',
  no_show_mentee: bookingStatusLabels.no_show_mentee,
  no_show_mentor: bookingStatusLabels.no_show_mentor,
};

/** Posts one step on a session the viewer is in, with its pending and error state. */
function useSessionStep(session: Session, onChanged: (message: string) => void) {
  const api = useApi();
  const submission = useSubmission();
  async function take(step: Step, body: object, message: string) {
    const path = `/api/orgs/{orgId}/sessions/{sessionId}/${step}` as const;
    const result = await submission.run(() =>
      ok(
        api.POST(path, {
          params: { path: { orgId: session.orgId, sessionId: session.id } },
          body: body as never,
        }),
      ),
    );
    if (result.ok) onChanged(message);
    return result.ok;
  }
  return { ...submission, take };
}

type EnrolmentActionsProps = {
  session: Session;
  viewerId: string;
  nowMs: number;
  onChanged: (message: string) => void;
};

/**
 * What a mentee added to a session does with it, as with a booking: open the
 * conversation with the mentor, leave before the start with a reason, say
 * afterwards whether it took place, and rate it once it has ended.
 */
export function EnrolmentActions({ session, viewerId, nowMs, onChanged }: EnrolmentActionsProps) {
  const api = useApi();
  const navigate = useNavigate();
  const opening = useSubmission();
  const step = useSessionStep(session, onChanged);
  const [panel, setPanel] = useState<Panel | null>(null);
  const me = session.enrolled.find((e) => e.userId === viewerId);
  if (!me || session.status === 'cancelled') return null;
  const mentor = session.mentor.name;
  const started = nowMs >= Date.parse(session.startsAt);
  const ended = nowMs >= Date.parse(session.endsAt);
  const published = session.status === 'published';
  const canRate =
    ended &&
    me.rating === null &&
    me.outcome !== 'no_show_mentee' &&
    me.outcome !== 'no_show_mentor';

  async function openThread() {
    const result = await opening.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/sessions/{sessionId}/thread', {
          params: { path: { orgId: session.orgId, sessionId: session.id } },
        }),
      ),
    );
    if (result.ok) navigate(`/o/${session.orgId}/messages/${result.value.threadId}`);
  }

  return (
    <div className="session-actions">
      {me.outcome ? (
        <Badge tone={me.outcome === 'attended' ? 'success' : 'warning'}>
          {outcomeWords[me.outcome]}
        </Badge>
      ) : null}
      {me.rating ? (
        <p className="item-list__meta">
          You rated it {me.rating.stars}★{me.rating.feedback ? `: “${me.rating.feedback}”` : ''}
        </p>
      ) : null}
      <div className="button-row">
        <Button size="small" pending={opening.pending} onClick={() => void openThread()}>
          Messages
        </Button>
        {!started ? (
          <Button
            size="small"
            variant="danger"
            aria-expanded={panel === 'leave'}
            onClick={() => setPanel(panel === 'leave' ? null : 'leave')}
          >
            Leave
          </Button>
        ) : null}
        {started && published && !me.outcome ? (
          <>
            <Button
              size="small"
              pending={step.pending}
              onClick={() =>
                void step.take(
                  'attendance',
                  { outcome: 'attended' },
                  'Recorded as held — thank you',
                )
              }
            >
              It took place
            </Button>
            <ConfirmButton
              label={`${mentor} did not come`}
              question={`Report that ${mentor} did not attend?`}
              confirmLabel="Yes, report"
              onConfirm={async () => {
                await step.take(
                  'attendance',
                  { outcome: 'no_show' },
                  `No-show of ${mentor} recorded`,
                );
              }}
            />
          </>
        ) : null}
        {canRate && published ? (
          <Button
            size="small"
            variant="primary"
            aria-expanded={panel === 'rate'}
            onClick={() => setPanel(panel === 'rate' ? null : 'rate')}
          >
            Rate
          </Button>
        ) : null}
      </div>
      {panel === null ? <ErrorAlert message={step.error ?? opening.error} /> : null}
      {panel === 'leave' ? (
        <ReasonForm
          label="Leave session"
          submitLabel="Leave session"
          keepLabel="Stay"
          pending={step.pending}
          error={step.error}
          fieldError={step.fieldErrors.reason}
          hint={`${mentor} is told why.`}
          onSubmit={(reason) =>
            void step.take(
              'leave',
              { reason },
              `You left “${session.title || `the session with ${mentor}`}”`,
            )
          }
          onClose={() => setPanel(null)}
        >
          <p>Leave this session? It is taken out of your calendar.</p>
        </ReasonForm>
      ) : null}
      {panel === 'rate' ? (
        <RatingForm
          otherName={mentor}
          action={step}
          onRate={(rating) =>
            step.take(
              'rating',
              rating,
              `Thanks — your rating of the session with ${mentor} is saved`,
            )
          }
          onClose={() => setPanel(null)}
        />
      ) : null}
    </div>
  );
}

type AttendanceListProps = {
  session: Session;
  nowMs: number;
  onChanged: (message: string) => void;
};

/** The mentor's side, once a published session has begun: who came, one mark each. */
export function AttendanceList({ session, nowMs, onChanged }: AttendanceListProps) {
  const step = useSessionStep(session, onChanged);
  if (session.status !== 'published' || nowMs < Date.parse(session.startsAt)) return null;
  if (session.enrolled.length === 0) return null;
  return (
    <div className="session-actions">
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops list semantics from unbulleted lists */}
      <ul role="list" className="attendance" aria-label="Attendance">
        {session.enrolled.map((e) => (
          <li key={e.userId} className="attendance__row">
            <span>{e.name}</span>
            {e.outcome ? (
              <Badge tone={e.outcome === 'attended' ? 'success' : 'warning'}>
                {outcomeWords[e.outcome]}
              </Badge>
            ) : (
              <span className="button-row">
                <Button
                  size="small"
                  pending={step.pending}
                  aria-label={`${e.name} attended`}
                  onClick={() =>
                    void step.take(
                      'attendance',
                      { outcome: 'attended', menteeId: e.userId },
                      `${e.name} recorded as attending`,
                    )
                  }
                >
                  Attended
                </Button>
                <ConfirmButton
                  label="No-show"
                  accessibleLabel={`${e.name} did not come`}
                  question={`Report that ${e.name} did not attend?`}
                  confirmLabel="Yes, report"
                  onConfirm={async () => {
                    await step.take(
                      'attendance',
                      { outcome: 'no_show', menteeId: e.userId },
                      `No-show of ${e.name} recorded`,
                    );
                  }}
                />
              </span>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert message={step.error} />
    </div>
  );
}
