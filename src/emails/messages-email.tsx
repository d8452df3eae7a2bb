import { Text } from '@react-email/components';
import { render } from '@react-email/render';
import { kindInfo } from '../core/notification-preferences.ts';
import { formatWhen, zoneWords } from './format-when.ts';
import { EmailLayout } from './layout.tsx';
import type { EmailContent, EmailRecipient } from './notification-email.tsx';

export type MessagesEmailInput = {
  recipient: EmailRecipient;
  orgName: string;
  /** the other person in the thread */
  fromName: string;
  /** the unread messages shown, oldest first */
  messages: { body: string; createdAt: Date; files: number }[];
  /** how many are unread in all (more than shown when the batch is long) */
  total: number;
  openUrl: string | null;
  /** the page of the one-click unsubscribe from message emails */
  unsubscribePageUrl: string | null;
};

const bubble = {
  backgroundColor: '#f4f5f7',
  borderRadius: '6px',
  margin: '8px 0',
  padding: '8px 12px',
  whiteSpace: 'pre-wrap' as const,
};
const stamp = { color: '#5f6673', fontSize: '12px', margin: '12px 0 0' };

/**
 * One email for the messages someone has not read in one conversation (sent
 * once a quiet period after the first of them): who wrote, each message with
 * its time in the reader's zone, and a button to reply.
 */
export async function renderMessagesEmail(input: MessagesEmailInput): Promise<EmailContent> {
  const { recipient } = input;
  const locale = recipient.locale ?? 'en-GB';
  const title =
    input.total === 1
      ? `New message from ${input.fromName}`
      : `${input.total} new messages from ${input.fromName}`;
  const more = input.total - input.messages.length;
  const email = (
    <EmailLayout
      orgName={input.orgName}
      preview={input.messages[0]?.body.slice(0, 120) ?? title}
      heading={title}
      actions={input.openUrl ? [{ label: 'Reply', url: input.openUrl }] : []}
      footer={`Sent to ${recipient.name} by Confer for ${input.orgName}, because these messages are unread. Times are in ${zoneWords(recipient.timeZone)}.`}
      unsubscribe={
        input.unsubscribePageUrl
          ? { url: input.unsubscribePageUrl, what: kindInfo.messages.emailWords }
          : null
      }
    >
      {input.messages.map((m) => (
        <div key={m.createdAt.getTime()}>
          <Text style={stamp}>{formatWhen(m.createdAt, null, recipient.timeZone, locale)}</Text>
          <Text style={bubble}>
            {m.body || '(no text)'}
            {m.files > 0 ? ` [${m.files} ${m.files === 1 ? 'file' : 'files'} attached]` : ''}
          </Text>
        </div>
      ))}
      {more > 0 ? <Text>…and {more} more in Confer.</Text> : null}
    </EmailLayout>
  );
  return {
    subject: `[${input.orgName}] ${title}`,
    html: await render(email),
    text: await render(email, { plainText: true }),
  };
}
