/**
 * The Messages API's shapes as the browser receives them (instants are ISO
 * strings). Kept beside the messaging UI; see src/http/routes/messages.ts.
 */

export type MessageRequestStatus = 'pending' | 'accepted' | 'rejected';

export type MessageRequestState = {
  id: string;
  status: MessageRequestStatus;
  senderId: string;
} | null;

export type Attachment = { id: string; filename: string; mime: string; sizeBytes: number };

export type Message = {
  id: string;
  threadId: string;
  senderId: string;
  body: string;
  createdAt: string;
  attachments: Attachment[];
};

export type ThreadSummary = {
  id: string;
  kind: 'booking' | 'direct';
  bookingId: string | null;
  booking: { startsAt: string | null; status: string | null } | null;
  other: { userId: string; name: string; photoUrl: string | null };
  /** `attachments` counts the files of the last message. */
  lastMessage: { body: string; senderId: string; createdAt: string; attachments: number } | null;
  unread: number;
  request: MessageRequestState;
  lastActivityAt: string;
};

export type ThreadList = { threads: ThreadSummary[] };

export type ThreadDetail = {
  /** Null while it is a message request waiting for my answer. */
  thread: ThreadSummary | null;
  threadId: string;
  kind: 'booking' | 'direct';
  bookingId: string | null;
  otherId: string;
  connected: boolean;
  request: MessageRequestState;
  /** Oldest first; the latest 200 (or those before `before`). */
  messages: Message[];
  hasMore: boolean;
};

export type Connection = {
  userId: string;
  name: string;
  timeZone: string;
  photoUrl: string | null;
  since: string;
  threadId: string | null;
};
