import { Text } from '@react-email/components';
import { render } from '@react-email/render';
import { EmailLayout } from './layout.tsx';
import type { EmailContent } from './notification-email.tsx';

/**
 * The email with a password-reset link: what it does, how long it works, and
 * that nothing changes for a reader who did not ask.
 */
export async function renderPasswordResetEmail(input: {
  name: string;
  resetUrl: string;
  validMinutes: number;
}): Promise<EmailContent> {
  const heading = 'Reset your Confer password';
  const email = (
    <EmailLayout
      orgName={null}
      preview={heading}
      heading={heading}
      actions={[{ label: 'Choose a new password', url: input.resetUrl }]}
      footer={`Sent to ${input.name} by Confer because someone asked to reset this account's password.`}
    >
      <Text>Hello {input.name},</Text>
      <Text>
        Open the link below to choose a new password. It works once, for {input.validMinutes}{' '}
        minutes, and signs out every other device.
      </Text>
      <Text>{input.resetUrl}</Text>
      <Text>If you did not ask for this, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
  return {
    subject: heading,
    html: await render(email),
    text: await render(email, { plainText: true }),
  };
}
