import { Badge } from '../../ui/chips.tsx';
import { formatDate } from '../../ui/format-date-time.ts';
import { RequestPerson } from './request-person.tsx';
import { type MentorshipRequest, mentorshipStatusBadges, requestKindLabels } from './types.ts';

type RequestSummaryProps = {
  orgId: string;
  request: MentorshipRequest;
  viewerZone: string;
  nameId: string;
  /** Shown when the request came without a message; nothing when omitted. */
  noMessage?: string;
};

/** Who, what kind, which program, when, its status as I may see it, and the message. */
export function RequestSummary({
  orgId,
  request,
  viewerZone,
  nameId,
  noMessage,
}: RequestSummaryProps) {
  const badge = mentorshipStatusBadges[request.status];
  return (
    <>
      <div className="booking-item__title">
        <RequestPerson orgId={orgId} person={request.other} nameId={nameId} />
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>
      <p className="item-list__meta">
        {requestKindLabels[request.kind]} · {request.programName ?? 'Program'} · Sent{' '}
        {formatDate(request.createdAt, viewerZone)}
      </p>
      {request.message ? (
        <blockquote className="booking-item__message">{request.message}</blockquote>
      ) : noMessage ? (
        <p className="item-list__meta">{noMessage}</p>
      ) : null}
    </>
  );
}
