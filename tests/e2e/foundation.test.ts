import { describe, expect, it } from 'vitest';
import { conferFixture, newPage, openAdmin, signIn } from './support.ts';

const fixture = conferFixture();

describe('the demo’s sign-in page', () => {
  it('focuses the email field and signs in as a demo person in one click, landing on Home', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    await page.goto('/sign-in');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('email');
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    await demo.getByRole('button', { name: 'Sign in as Maya Okafor (mentor)' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await expect(page.getByText('Hello, Maya.').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('a demo mentee', () => {
  it('signs in, edits their profile, and signs out', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    await signIn(page, 'sam@demo.confer.test');
    await expect(page.getByText('Sam Lee').first().isVisible()).resolves.toBe(true);
    const sections = page.getByRole('navigation', { name: 'Sections' });
    // Sam is matched in the Leadership Circle: he has Matches.
    for (const tab of ['Home', 'Sessions', 'Requests', 'Messages', 'Matches', 'People']) {
      await sections
        .getByRole('link', { name: new RegExp(`^${tab}`) })
        .first()
        .waitFor();
    }
    // Only what applies: he mentors nowhere (no Schedule) and is no admin (no Admin).
    for (const tab of ['Schedule', 'Admin']) {
      await expect(sections.getByRole('link', { name: tab, exact: true }).count()).resolves.toBe(0);
    }

    await page.goto('/me');
    await page
      .getByLabel('Bio')
      .fill('Designer learning product management, one session at a time.');
    await page.getByLabel('Location').fill('Brooklyn, US');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Profile saved' }).waitFor();

    await page.reload();
    await expect(page.getByLabel('Bio').inputValue()).resolves.toBe(
      'Designer learning product management, one session at a time.',
    );
    await expect(page.getByLabel('Location').inputValue()).resolves.toBe('Brooklyn, US');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.goto('/me');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await context.close();
  });
});

describe('the demo admin', () => {
  it('creates a program and a group, and invites a member who signs up through the link', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    await signIn(page, 'admin@demo.confer.test');
    await openAdmin(page, 'Programs');

    await page.getByLabel('Name').first().fill('Spring Cohort');
    await page.getByLabel('Description').first().fill('Twelve weeks of matched mentoring.');
    await page.getByLabel('Mode').selectOption('matched');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByText('Spring Cohort').first().waitFor();

    await openAdmin(page, 'Groups');
    await page.getByRole('button', { name: 'Create group' }).scrollIntoViewIfNeeded();
    const groupForm = page.locator('form', {
      has: page.getByRole('button', { name: 'Create group' }),
    });
    await groupForm.getByLabel('Name').fill('Designers');
    await groupForm.getByRole('button', { name: 'Create group' }).click();
    await page.getByText('Designers').first().waitFor();

    await openAdmin(page, 'Invitations');
    const inviteForm = page.locator('form', {
      has: page.getByRole('button', { name: 'Send invitation' }),
    });
    await inviteForm.getByLabel('Email').fill('newcomer@example.test');
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/invite\/inv_/);

    const invitee = await newPage(fixture.browser, fixture.confer.url, 'Asia/Kolkata');
    await invitee.page.goto(link);
    await invitee.page.getByText('Northwind Mentoring').first().waitFor();
    await expect(invitee.page.getByLabel('Email').inputValue()).resolves.toBe(
      'newcomer@example.test',
    );
    await invitee.page.getByLabel('Name').fill('Nia Newcomer');
    await invitee.page.getByLabel('Password').fill('a-long-new-password');
    await invitee.page.getByRole('button', { name: 'Create account' }).click();
    await invitee.page.getByRole('button', { name: 'Sign out' }).waitFor();
    await invitee.page.getByText('Nia Newcomer').first().waitFor();

    // The admin sees the newcomer among the members.
    await openAdmin(page, 'Members');
    await page.getByText('Nia Newcomer').first().waitFor();
    await invitee.context.close();
    await context.close();
  });

  it('chooses how sessions meet in the Video section: Zoom needs SECRETS_KEY, links by mentors are kept', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url);
    await signIn(page, 'admin@demo.confer.test');
    await openAdmin(page, 'Video');
    const video = page.getByRole('region', { name: 'Video' });
    const meetings = video.getByLabel('Meetings');
    await expect(meetings.inputValue()).resolves.toBe('jitsi');

    await meetings.selectOption('zoom');
    await video.getByText('The server has no SECRETS_KEY').waitFor();
    await video.getByLabel('Account ID').fill('acct');
    await video.getByLabel('Client ID').fill('client');
    await video.getByLabel('Client secret').fill('a-zoom-secret');
    await video.getByRole('button', { name: 'Save video settings' }).click();
    await video.getByText('Please correct the marked fields.').waitFor();

    await meetings.selectOption('manual');
    await video.getByRole('button', { name: 'Save video settings' }).click();
    await video.getByText('Video settings saved.').waitFor();
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Video' }).getByLabel('Meetings').inputValue(),
    ).resolves.toBe('manual');
    await context.close();
  });
});
