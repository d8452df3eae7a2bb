import { Link, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';
import { formatWhen, zoneWords } from './format-when.ts';
import { EmailLayout } from './layout.tsx';
import type { EmailContent, EmailRecipient } from './notification-email.tsx';

export type DigestEmailInput = {
  recipient: EmailRecipient;
  orgName: string | null;
  /** what happened since the last digest, oldest first, each with where to act on it */
  items: { title: string; body: string; at: Date; url: string | null }[];
  /** conversations with unread messages */
  conversations: { otherName: string; count: number; url: string | null }[];
  openUrl: string | null;
  settingsUrl: string | null;
  /** the page of the one-click unsubscribe from the digest */
  unsubscribePageUrl: string | null;
};

const item = { margin: '10px 0' };
const stamp = { color: '#5f6673', fontSize: '12px' };

/** Once a day, what someone chose not to be emailed about at once. */
export async function renderDigestEmail(input: DigestEmailInput): Promise<EmailContent> {
  const { recipient } = input;
  const locale = recipient.locale ?? 'en-GB';
  const count = input.items.length + input.conversations.length;
  const title = `Your daily summary: ${count} ${count === 1 ? 'update' : 'updates'}`;
  const email = (
    <EmailLayout
      orgName={input.orgName}
      preview={input.items[0]?.title ?? input.conversations[0]?.otherName ?? title}
      heading={title}
      actions={input.openUrl ? [{ label: 'Open Confer', url: input.openUrl }] : []}
      footer={`Sent to ${recipient.name} by Confer${input.orgName ? ` for ${input.orgName}` : ''}, once a day, as chosen in your notification settings. Times are in ${zoneWords(recipient.timeZone)}.`}
      unsubscribe={
        input.unsubscribePageUrl
          ? { url: input.unsubscribePageUrl, what: 'the daily summary' }
          : null
      }
    >
      {input.items.map((i) => (
        <Section key={`${i.at.getTime()} ${i.title}`} style={item}>
          <Text style={{ margin: 0 }}>{i.url ? <Link href={i.url}>{i.title}</Link> : i.title}</Text>
          {i.body ? <Text style={{ margin: '2px 0' }}>{i.body}</Text> : null}
          <Text style={{ ...stamp, margin: 0 }}>
            {formatWhen(i.at, null, recipient.timeZone, locale)}
          </Text>
        </Section>
      ))}
      {input.conversations.map((c) => (
        <Text key={c.otherName} style={item}>
          {c.url ? (
            <Link href={c.url}>
              {c.count} unread {c.count === 1 ? 'message' : 'messages'} from {c.otherName}
            </Link>
          ) : (
            `${c.count} unread ${c.count === 1 ? 'message' : 'messages'} from ${c.otherName}`
          )}
        </Text>
      ))}
      {input.settingsUrl ? (
        <Text style={stamp}>
          <Link href={input.settingsUrl}>Change what comes in this summary</Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
  return {
    subject: input.orgName ? `[${input.orgName}] ${title}` : title,
    html: await render(email),
    text: await render(email, { plainText: true }),
  };
}
