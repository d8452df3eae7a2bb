import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailedLinkFrom } from '../support/server-process.ts';
import { conferFixture, newPage } from './support.ts';

/**
 * Issue #11 "Account email": a new account is made by the link emailed to its
 * address, and a forgotten password is reset with a link emailed to it.
 */
const fixture = conferFixture();

/** The link under `prefix` in an email to `address`, once the server's worker has written it. */
const linkFor = (address: string, prefix: string) =>
  emailedLinkFrom([path.join(fixture.confer.dataDir, 'mail')], address, prefix);

describe('resetting a forgotten password', () => {
  it('forgot → the emailed link → a new password → signed in; the link works once', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill('sam@demo.confer.test');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('If an account exists for that address, we sent it a link.').waitFor();

    const link = new URL(await linkFor('sam@demo.confer.test', '/reset-password/'));
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

describe('signing up', () => {
  it('sign-up → “we sent a link” → the emailed link → the account, signed in; an address taken gets the same answer', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    const signUp = async (email: string) => {
      await page.goto('/sign-up');
      await page.getByLabel('Name').fill('Nia Newcomer');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('meadow-violin-copper-82');
      await page.getByRole('button', { name: 'Create account' }).click();
      return page.getByText(`We sent a link to ${email}: open it to finish signing up.`).waitFor();
    };
    await signUp('nia@example.test');
    // The same words for an address that has an account: nobody learns who is registered.
    await signUp('sam@demo.confer.test');

    const link = new URL(await linkFor('nia@example.test', '/confirm-sign-up/'));
    await page.goto(link.pathname);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // Sam's inbox holds a note to sign in instead, not a link that makes a second account.
    expect(await linkFor('sam@demo.confer.test', '/forgot-password')).toMatch(/forgot-password/);
    await context.close();
  });
});
