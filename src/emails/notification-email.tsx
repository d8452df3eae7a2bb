import { Text } from '@react-email/components';
import { render } from '@react-email/render';
import type { OutboxTopic } from '../core/topics.ts';
import { formatWhen, zoneWords } from './format-when.ts';
import { type EmailAction, EmailLayout } from './layout.tsx';

/** What an email is made of: a subject and the same message as HTML and as plain text. */
export type EmailContent = { subject: string; html: string; text: string };

/** Who reads it, and the zone (and language) they read times in. */
export type EmailRecipient = { name: string; timeZone: string; locale?: string };

/** A booking the email is about, as the reader sees it. */
export type EmailBooking = {
  status: string;
  startsAt: Date;
  endsAt: Date;
  meetingUrl: string | null;
  otherName: string | null;
};

export type NotificationEmailInput = {
  topic: string;
  title: string;
  body: string;
  recipient: EmailRecipient;
  orgName: string | null;
  /** where the reader acts on it (absolute), if anywhere */
  openUrl: string | null;
  booking: EmailBooking | null;
  /** the time the event names, when it differs from the booking's (a suggested time) */
  eventStartsAt: Date | null;
  /** the one-click unsubscribe of its kind, unless it cannot be switched off */
  unsubscribe?: { url: string; what: string } | null;
};

const openLabels: Partial<Record<OutboxTopic, string>> = {
  'booking.requested': 'Review the request',
  'booking.propose_time': 'Answer the suggestion',
  'booking.approve': 'View the session',
  'booking.session_ended': 'Say how it went',
  'booking.meeting_link_needed': 'Add a meeting link',
  'message.request': 'Read the message',
  'message.request_accepted': 'Write to them',
  'mentorship.offer': 'Answer the offer',
  'mentorship.session_request': 'Answer the request',
  'admin.nudge_match': 'Find a time',
  'admin.nudge_requests': 'Answer the requests',
};

const quote = {
  borderLeft: '3px solid #d5d9e0',
  color: '#333a45',
  margin: '12px 0',
  paddingLeft: '12px',
  whiteSpace: 'pre-wrap' as const,
};

/**
 * The email of one notification, for one reader: the organisation's name, a
 * clear subject, the session's time in the reader's own zone written the way
 * people read it, the other person, the message or reason, and buttons that
 * open the right page (and join the meeting of an approved session).
 */
export async function renderNotificationEmail(
  input: NotificationEmailInput,
): Promise<EmailContent> {
  const { booking, recipient } = input;
  const locale = recipient.locale ?? 'en-GB';
  const start = input.eventStartsAt ?? booking?.startsAt ?? null;
  const length = booking ? booking.endsAt.getTime() - booking.startsAt.getTime() : 0;
  const when =
    start && booking
      ? formatWhen(start, new Date(start.getTime() + length), recipient.timeZone, locale)
      : null;
  const actions: EmailAction[] = [];
  const aboutMeeting = input.topic.startsWith('booking.') || input.topic === 'session.scheduled';
  if (booking?.status === 'approved' && booking.meetingUrl && aboutMeeting) {
    actions.push({ label: 'Join the meeting', url: booking.meetingUrl });
  }
  if (input.openUrl) {
    actions.push({
      label: openLabels[input.topic as OutboxTopic] ?? 'Open in Confer',
      url: input.openUrl,
    });
  }
  const footer = `Sent to ${recipient.name} by Confer${input.orgName ? ` for ${input.orgName}` : ''}. Times are in ${zoneWords(recipient.timeZone)} (${recipient.timeZone}), your profile's time zone.`;
  const email = (
    <EmailLayout
      orgName={input.orgName}
      preview={when ? `${input.title} · ${when}` : input.title}
      heading={input.title}
      actions={actions}
      footer={footer}
      unsubscribe={input.unsubscribe ?? null}
    >
      {when ? (
        <Text>
          <strong>When:</strong> {when}
        </Text>
      ) : null}
      {booking?.otherName ? (
        <Text>
          <strong>With:</strong> {booking.otherName}
        </Text>
      ) : null}
      {input.body ? <Text style={quote}>{input.body}</Text> : null}
    </EmailLayout>
  );
  const subject = input.orgName ? `[${input.orgName}] ${input.title}` : input.title;
  return {
    subject,
    html: await render(email),
    text: await render(email, { plainText: true }),
  };
}
