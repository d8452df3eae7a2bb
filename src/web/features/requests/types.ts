/**
 * Shapes of the mentorship request, message request and matches endpoints
 * (instants arrive as ISO 8601 strings, UTC), derived from the generated
 * OpenAPI types, with the words shown for them.
 */
import type * as api from '../../api/types.ts';
import type { RequestOf, ResponseOf } from '../../api/types.ts';

/** One request in My Mentorship Requests, as this viewer sees it. */
export type MentorshipRequest = api.MentorshipRequest;
export type MentorshipRequestKind = MentorshipRequest['kind'];
export type MentorshipRequestStatus = MentorshipRequest['status'];
export type NewMentorshipRequest = RequestOf<'/api/orgs/{orgId}/mentorship-requests', 'post'>;
/** A first message from someone who is not a connection. */
export type MessageRequest = api.MessageRequest;
export type MessageRequestStatus = MessageRequest['status'];
/** One of my active matches; `role` is my role in it. */
export type MyMatch = ResponseOf<'/api/orgs/{orgId}/me/matches', 'get'>['matches'][number];

export const requestKindLabels: Record<MentorshipRequestKind, string> = {
  offer: 'Offer to mentor',
  session_request: 'Session request',
};

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export const mentorshipStatusBadges: Record<
  MentorshipRequestStatus,
  { label: string; tone: Tone }
> = {
  pending: { label: 'Pending', tone: 'warning' },
  dismissed: { label: 'Dismissed', tone: 'neutral' },
  accepted: { label: 'Accepted', tone: 'success' },
  withdrawn: { label: 'Withdrawn', tone: 'neutral' },
};

export const messageStatusBadges: Record<MessageRequestStatus, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'warning' },
  accepted: { label: 'Accepted', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
};
