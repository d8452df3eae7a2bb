import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { MemberDetail } from '../../api/types.ts';
import { StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { MessagePersonForm } from './message-person-form.tsx';
import { SendRequestForm } from './send-request-form.tsx';
import { SuggestPersonForm } from './suggest-person-form.tsx';
import type { MentorshipRequestKind } from './types.ts';

type Panel = MentorshipRequestKind | 'message' | 'suggest';

const sentWords: Record<MentorshipRequestKind, string> = {
  offer: 'Offer to mentor sent to',
  session_request: 'Session request sent to',
};

type PersonActionsProps = {
  orgId: string;
  member: MemberDetail;
  /** their free times are on the page: booking one is the one main action */
  bookable?: boolean;
};

/**
 * What I can do from someone else's profile: offer to mentor them, ask them
 * for a session, write to them, or suggest someone to them.
 */
export function PersonActions({ orgId, member, bookable = false }: PersonActionsProps) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [status, setStatus] = useState<ReactNode>(null);
  const person = { userId: member.profile.id, name: member.profile.name };
  // The server says which requests I may send (core's rule, which it applies on sending).
  const kinds = member.requestKinds;

  function toggle(next: Panel) {
    setStatus(null);
    setPanel(panel === next ? null : next);
  }

  function done(message: ReactNode) {
    setPanel(null);
    setStatus(message);
  }

  const requestsLink = (
    <Link to={`/o/${orgId}/requests?tab=mentorship`}>Requests → Mentorship requests</Link>
  );
  const toggleButton = (id: Panel, label: string, variant: 'primary' | 'secondary') => (
    <Button variant={variant} aria-expanded={panel === id} onClick={() => toggle(id)}>
      {label}
    </Button>
  );

  return (
    <Card>
      <div className="stack">
        <div className="button-row">
          {/* One clear main action: a mentor's free times when they are here. */}
          {bookable ? (
            <a className="button button--primary" href="#book-a-time">
              Book a time
            </a>
          ) : null}
          {kinds.includes('offer')
            ? toggleButton('offer', 'Offer to mentor', bookable ? 'secondary' : 'primary')
            : null}
          {kinds.includes('session_request')
            ? toggleButton(
                'session_request',
                'Request a session',
                bookable ? 'secondary' : 'primary',
              )
            : null}
          {/* Only what can work: no Message to someone one shares no program with. */}
          {member.canMessage ? toggleButton('message', 'Message', 'secondary') : null}
          {toggleButton('suggest', 'Suggest…', 'secondary')}
        </div>
        <StatusAlert message={status} />
        {panel === 'offer' || panel === 'session_request' ? (
          <SendRequestForm
            key={panel}
            orgId={orgId}
            kind={panel}
            to={person}
            onClose={() => setPanel(null)}
            onSent={() =>
              done(
                <p>
                  {sentWords[panel]} {person.name}. Follow it under {requestsLink}.
                </p>,
              )
            }
          />
        ) : null}
        {panel === 'message' ? (
          <MessagePersonForm orgId={orgId} to={person} onClose={() => setPanel(null)} />
        ) : null}
        {panel === 'suggest' ? (
          <SuggestPersonForm
            orgId={orgId}
            to={person}
            onClose={() => setPanel(null)}
            onSent={done}
          />
        ) : null}
      </div>
    </Card>
  );
}
