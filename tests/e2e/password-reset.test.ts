import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { conferFixture, newPage } from './support.ts';

/** Issue #11: a forgotten password is reset with a link emailed to the account's address. */
const fixture = conferFixture();

/** The reset link in the newest email to `address`, once the server's worker has written it. */
async function resetLinkFor(address: string): Promise<string> {
  const dir = path.join(fixture.confer.dataDir, 'mail');
  for (let attempt = 0; attempt < 40; attempt++) {
    // The mailbox folder appears with its first email.
    const files = (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []).filter((f) =>
      f.name.endsWith('.eml'),
    );
    for (const f of files) {
      const mail = await simpleParser(readFileSync(path.join(dir, f.name)));
      const link = mail.text?.match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0];
      if (link && JSON.stringify(mail.to).includes(address)) return link;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no reset email to ${address}`);
}

describe('resetting a forgotten password', () => {
  it('forgot → the emailed link → a new password → signed in; the link works once', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill('sam@demo.confer.test');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('If an account exists for that address, we sent it a link.').waitFor();

    const link = new URL(await resetLinkFor('sam@demo.confer.test'));
    await page.goto(link.pathname);
    await page.getByLabel('New password').fill('password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page
      .getByText(/too easy to guess|too short|common/i)
      .first()
      .waitFor();
    await page.getByLabel('New password').fill('lantern-orbit-quietly-47');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    // The link worked once.
    await page.goto(link.pathname);
    await page.getByLabel('New password').fill('another-fine-passphrase-93');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByText('This link has been used or has expired.').waitFor();
    expect(await page.getByRole('link', { name: 'Ask for a new one' }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
