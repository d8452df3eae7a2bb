import { Text } from '@react-email/components';
import { render } from '@react-email/render';
import { type EmailAction, EmailLayout } from './layout.tsx';
import type { EmailContent } from './notification-email.tsx';

/*
 * The emails about an account itself (issue #11 "Account email"): confirming
 * an address at sign-up, telling an address that already has an account,
 * confirming a new address, telling the old one, and an admin's invitation.
 * One function per kind; each says what it does and what to do if unasked.
 */

async function accountEmail(
  heading: string,
  paragraphs: string[],
  actions: EmailAction[],
  footer: string,
  orgName: string | null = null,
): Promise<EmailContent> {
  const email = (
    <EmailLayout
      orgName={orgName}
      preview={heading}
      heading={heading}
      actions={actions}
      footer={footer}
    >
      {paragraphs.map((p) => (
        <Text key={p}>{p}</Text>
      ))}
    </EmailLayout>
  );
  return {
    subject: orgName ? `[${orgName}] ${heading}` : heading,
    html: await render(email),
    text: await render(email, { plainText: true }),
  };
}

export function renderConfirmSignUpEmail(input: { name: string; url: string; validHours: number }) {
  return accountEmail(
    'Confirm your email to finish signing up',
    [
      `Hello ${input.name},`,
      `Open the link below to confirm this address and create your Confer account. It works once, for ${input.validHours} hours.`,
      input.url,
      'If you did not sign up, ignore this email: no account is made.',
    ],
    [{ label: 'Confirm and sign in', url: input.url }],
    'Sent by Confer because this address was used to sign up.',
  );
}

export function renderAlreadyRegisteredEmail(input: {
  name: string;
  signInUrl: string;
  resetUrl: string;
}) {
  return accountEmail(
    'You already have a Confer account',
    [
      `Hello ${input.name},`,
      'Someone (probably you) tried to sign up with this address, which already has an account. Sign in instead, or reset your password if you have forgotten it.',
      'If it was not you, ignore this email: nothing has changed.',
    ],
    [
      { label: 'Sign in', url: input.signInUrl },
      { label: 'Reset your password', url: input.resetUrl },
    ],
    'Sent by Confer because this address was used to sign up.',
  );
}

export function renderConfirmEmailChangeEmail(input: {
  name: string;
  newEmail: string;
  url: string;
  validHours: number;
}) {
  return accountEmail(
    'Confirm your new email address',
    [
      `Hello ${input.name},`,
      `Open the link below to use ${input.newEmail} for your Confer account from now on. It works once, for ${input.validHours} hours.`,
      input.url,
      'If you did not ask for this, ignore this email: your account keeps its address.',
    ],
    [{ label: 'Confirm the new address', url: input.url }],
    'Sent by Confer to the new address of an account.',
  );
}

export function renderEmailChangedEmail(input: { name: string; newEmail: string }) {
  return accountEmail(
    'Your Confer email address was changed',
    [
      `Hello ${input.name},`,
      `Your Confer account now uses ${input.newEmail}. Emails will go there from now on.`,
      'If you did not do this, reset your password from the sign-in page and tell your organisation’s admin.',
    ],
    [],
    'Sent by Confer to the former address of an account.',
  );
}

export function renderInvitationEmail(input: {
  orgName: string;
  inviterName: string;
  programName: string | null;
  url: string;
  validDays: number;
}) {
  return accountEmail(
    `${input.inviterName} invited you to ${input.orgName}`,
    [
      `${input.inviterName} invited you to join ${input.orgName} on Confer${input.programName ? `, in the program ${input.programName}` : ''}.`,
      `Open the link to accept: sign up with this address, or sign in if you already have an account. It works for ${input.validDays} days.`,
      input.url,
    ],
    [{ label: 'Accept the invitation', url: input.url }],
    `Sent by Confer for ${input.orgName} at ${input.inviterName}’s request.`,
    input.orgName,
  );
}

/** A members import made this account: where it is, and the link to choose a password. */
export function renderImportedAccountEmail(input: {
  name: string;
  orgName: string;
  adminName: string | null;
  url: string;
  validDays: number;
}) {
  return accountEmail(
    `Your Confer account at ${input.orgName}`,
    [
      `Hello ${input.name},`,
      `${input.adminName ?? 'An admin'} added you to ${input.orgName} on Confer, with this email address.`,
      `Open the link to choose your password and sign in. It works once, for ${input.validDays} days; after that, use "Forgot password" on the sign-in page.`,
      input.url,
    ],
    [{ label: 'Choose your password', url: input.url }],
    'Sent by Confer because an admin of your organisation added this address.',
    input.orgName,
  );
}
