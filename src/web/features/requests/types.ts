/**
 * Shapes of the mentorship request, message request and matches endpoints
 * (instants arrive as ISO 8601 strings, UTC), with the words shown for them.
 */
import type { ProgramRole } from '../../api-types.ts';

export type MentorshipRequestKind = 'offer' | 'session_request';
export type MentorshipRequestStatus = 'pending' | 'dismissed' | 'accepted' | 'withdrawn';

/** One request in My Mentorship Requests, as this viewer sees it. */
export type MentorshipRequest = {
  id: string;
  kind: MentorshipRequestKind;
  box: 'received' | 'sent';
  /** A sender sees a dismissed request as pending: dismissal is silent (seed 001). */
  status: MentorshipRequestStatus;
  message: string;
  programId: string;
  programName: string | null;
  /** The receiver in Sent, the sender in Received. */
  other: { userId: string; name: string | null; photoUrl: string | null };
  createdAt: string;
  updatedAt: string;
};

export type MentorshipRequests = { received: MentorshipRequest[]; sent: MentorshipRequest[] };

export type NewMentorshipRequest = {
  kind: MentorshipRequestKind;
  toUserId: string;
  message: string;
};

export type MessageRequestStatus = 'pending' | 'accepted' | 'rejected';

/** A first message from someone who is not a connection (seed 003). */
export type MessageRequest = {
  id: string;
  threadId: string;
  status: MessageRequestStatus;
  sender: { userId: string; name: string; photoUrl: string | null };
  receiver: { userId: string; name: string };
  /** The first message. */
  message: string;
  createdAt: string;
  decidedAt: string | null;
};

export type MessageRequests = { received: MessageRequest[]; sent: MessageRequest[] };

/** What POST /threads answers: the conversation the message went into. */
export type SentMessage = { threadId: string; message: { id: string; body: string } };

/** One of my active matches; `role` is my role in it. */
export type MyMatch = {
  id: string;
  programId: string;
  programName: string;
  role: ProgramRole;
  other: { userId: string; name: string; photoUrl: string | null; timeZone: string };
  since: string;
};

export type MyMatches = { matches: MyMatch[] };

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
