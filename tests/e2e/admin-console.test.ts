import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { conferFixture, newPage, openAdmin, region, signIn } from './support.ts';

/**
 * Issue #13 "Done when", the admin console: the demo admin creates a
 * matched program, imports a CSV of 50 members into it with two bad rows
 * (reported by line), fixes them and imports, watching the progress, finds
 * them in Members — searched, filtered and paged by the server — accepts a
 * suggested match, creates a session on a mentor's behalf, and opens
 * Reports: the demo's history charted, one chart downloaded as CSV.
 */
const fixture = conferFixture();

const header = ['name', 'email', 'role', 'programs', 'groups', 'time_zone', 'skills'];
function cohort() {
  return Array.from({ length: 50 }, (_, i) => [
    `Cohort Person ${String(i).padStart(2, '0')}`,
    `cohort${i}@northwind.example`,
    i < 5 ? 'mentor' : 'mentee',
    'Spring Circle',
    'Spring 2027',
    'Europe/Lisbon',
    // Mentor 00 knows Go and Testing; the others other things. Every mentee asks for Go.
    i === 0 ? 'Go; Testing' : i < 5 ? `Skill ${i}` : 'Go',
  ]);
}

async function chooseFile(page: Page, name: string, rows: string[][]) {
  await page.getByLabel('CSV file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(stringify([header, ...rows])),
  });
}

describe('the admin console', () => {
  it('creates a matched program, imports 50 members (two bad rows reported by line, fixed), finds them in Members, accepts a suggested match and creates a session for a mentor', async () => {
    const { page, context } = await newPage(fixture.browser, fixture.confer.url, 'Europe/Dublin', {
      bypassCSP: true,
    });
    await signIn(page, 'admin@demo.confer.test');
    await openAdmin(page, 'Programs');
    await page.getByLabel('Name').first().fill('Spring Circle');
    await page.getByLabel('Mode').selectOption('matched');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByRole('link', { name: 'Spring Circle' }).waitFor();

    await openAdmin(page, 'Import');
    const card = region(page, 'Import members');

    const rows = cohort();
    const broken = rows.map((r) => [...r]);
    broken[9]![1] = 'cohort9-at-northwind.example'; // line 11
    broken[30]![5] = 'Lisbon'; // line 32
    await chooseFile(page, 'cohort.csv', broken);
    await card.getByText('cohort.csv: 2 problems in 50 rows').waitFor();
    const problems = card.getByRole('table');
    await expect(problems.getByRole('row').nth(1).innerText()).resolves.toMatch(
      /11\s+email\s+"cohort9-at-northwind.example" is not an email address/,
    );
    await expect(problems.getByRole('row').nth(2).innerText()).resolves.toMatch(
      /32\s+time_zone\s+"Lisbon" is not a time zone/,
    );
    expect(await card.getByRole('button', { name: /^Import \d+ members$/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await chooseFile(page, 'cohort.csv', rows);
    await card.getByText('cohort.csv: 50 rows, no problems').waitFor();
    await card.getByText('New groups: Spring 2027.').waitFor();
    await card.getByRole('button', { name: 'Import 50 members' }).click();
    // The worker takes it in batches; the bar follows without a reload.
    await card.getByText('Imported 50 of 50 rows').waitFor({ timeout: 30_000 });
    await card
      .getByText('Import finished: 50 new accounts, 0 joined, 0 updated, 0 unchanged')
      .waitFor();
    await region(page, 'Recent imports').getByRole('cell', { name: 'cohort.csv' }).waitFor();

    await card.getByRole('link', { name: 'See them in Members' }).click();
    const members = region(page, 'Members');
    await members.getByLabel('Search members').fill('Cohort Person');
    await members.getByText('1–50 of 50').waitFor();
    await members.getByLabel('Role', { exact: true }).selectOption('member');
    await members.getByLabel('Program', { exact: true }).selectOption({ label: 'Spring Circle' });
    await members.getByLabel('In the program as').selectOption('mentor');
    await members.getByText('1–5 of 5').waitFor();
    await members.getByText('cohort3@northwind.example').waitFor();
    expect(await members.getByText('cohort7@northwind.example').count()).toBe(0);
    await members.getByLabel('Group', { exact: true }).selectOption({ label: 'Spring 2027' });
    await members.getByText('1–5 of 5').waitFor();

    // Role changes are asked first.
    await members.getByLabel('Role for Cohort Person 03').selectOption('admin');
    await members
      .getByText('Make Cohort Person 03 an admin? They can manage everything here.')
      .waitFor();
    await members.getByRole('button', { name: 'Cancel' }).click();
    await expect(members.getByLabel('Role for Cohort Person 03').inputValue()).resolves.toBe(
      'member',
    );
    await members.getByLabel('Role for Cohort Person 03').selectOption('admin');
    await members.getByRole('button', { name: 'Yes, change role' }).click();
    await members.getByText('Cohort Person 03 is now an admin.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Suggested matches: every mentee asks for Go, which Cohort Person 00 mentors.
    await openAdmin(page, 'Programs');
    await page.getByRole('link', { name: 'Spring Circle' }).click();
    // Its settings: requests wait five days, the cohort runs to the end of next year.
    const settings = page.getByRole('form', { name: 'Program settings' });
    await settings.getByLabel('Requests expire after (days)').fill('5');
    await settings.getByLabel('Cohort ends').fill('2027-12-31');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings saved.').waitFor();
    // Someone added by name: the picker searches the server, not a list of everyone.
    const people = page.getByRole('region', { name: 'Mentors and mentees' });
    await people.getByLabel('Find a member').fill('zanele');
    await people
      .getByLabel('Member', { exact: true })
      .selectOption({ label: 'Zanele Dlamini (zanele@demo.confer.test)' });
    await people.getByLabel('Role').selectOption('mentee');
    await people.getByRole('button', { name: 'Add to program' }).click();
    await people.getByText('Zanele Dlamini added as mentee.').waitFor();
    const suggested = page.getByRole('region', { name: 'Suggested matches' });
    const first = suggested.getByRole('listitem').filter({ hasText: 'Cohort Person 05' }).first();
    await first.getByText('asks for Go').first().waitFor();
    await first
      .getByRole('button', { name: 'Match Cohort Person 05 with Cohort Person 00' })
      .click();
    await suggested.getByText('Cohort Person 05 is matched with Cohort Person 00.').waitFor();
    await page.getByText('Cohort Person 00 ↔ Cohort Person 05').waitFor();
    // Matched, so no longer suggested.
    await suggested
      .getByRole('button', { name: /^Match Cohort Person 05 with/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);

    // A session created on a mentor's behalf.
    await openAdmin(page, 'Sessions');
    await page.getByRole('button', { name: 'New session' }).click();
    const form = page.getByRole('form', { name: 'New session' });
    await form.getByLabel('Mentor').selectOption({ label: 'Cohort Person 00' });
    await form.getByLabel('Program').selectOption({ label: 'Spring Circle' });
    await form.getByLabel('Title').fill('Go clinic for the spring cohort');
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Date').fill(date);
    await form.getByLabel('Start time').fill('15:00');
    await form.getByLabel('Duration (minutes)').fill('60');
    await form.getByLabel('Meeting URL').fill('https://meet.example.com/go-clinic');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    const sessions = page.getByRole('list', { name: 'Sessions' });
    const made = sessions
      .getByRole('listitem')
      .filter({ hasText: 'Go clinic for the spring cohort' });
    await made.getByText('Cohort Person 00').first().waitFor();

    // Reports: the demo's weeks of history charted, and a chart's data as CSV.
    await openAdmin(page, 'Reports');
    const weekly = region(page, 'Sessions per week');
    await weekly.locator('canvas[role="img"]').waitFor();
    await weekly.getByText('The numbers').click();
    const weeks = weekly.getByRole('row');
    expect(await weeks.count()).toBeGreaterThanOrEqual(12 + 1);
    const held = await weekly
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((r) => Number(r.children[1]?.textContent ?? '0')));
    expect(held.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
    await region(page, 'Requests and what became of them').getByText('Approval rate').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      weekly.getByRole('link', { name: 'Download CSV of Sessions per week' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sessions-per-week.csv');
    const table = parse(readFileSync((await download.path()) ?? '', 'utf8'), { bom: true });
    expect(table[0]).toEqual([
      'week_from',
      'completed',
      'approved',
      'pending',
      'cancelled',
      'noShow',
      'notHeld',
    ]);
    expect(table.slice(1).map((r: string[]) => Number(r[1]))).toEqual(held);

    // Maya has Sam's request waiting: one click nudges her, once a day.
    const waiting = region(page, 'Mentors with unanswered requests');
    await waiting.getByRole('button', { name: 'Nudge Maya Okafor' }).click();
    await waiting.getByRole('status').getByText('Nudged').waitFor();
    await context.close();
  });

  it('deactivates a member: their request to Maya is declined by the organisation, they cannot sign in, and are let back in', async () => {
    const admin = await newPage(fixture.browser, fixture.confer.url, 'Europe/Dublin');
    await signIn(admin.page, 'admin@demo.confer.test');
    await openAdmin(admin.page, 'Members');
    const members = region(admin.page, 'Members');
    await members.getByLabel('Search members').fill('Sam');
    await members.getByRole('button', { name: 'Deactivate Sam Lee' }).click();
    const form = members.getByRole('form', { name: 'Deactivate Sam Lee' });
    await form.getByRole('button', { name: 'Yes, deactivate' }).click();
    await form.getByText('Say why.').waitFor();
    await form.getByLabel('Reason').fill('Left the company');
    await form.getByRole('button', { name: 'Yes, deactivate' }).click();
    await members
      .getByRole('status')
      .getByText(/^Sam Lee is deactivated\. \d+ bookings? and \d+ sessions? were closed/)
      .waitFor();
    await members.getByLabel('Status').selectOption('deactivated');
    await members.getByText(/^Deactivated /).waitFor();

    // Maya's pending request from Sam is closed, with the reason.
    const maya = await newPage(fixture.browser, fixture.confer.url, 'Europe/London');
    await signIn(maya.page, 'maya@demo.confer.test');
    await maya.page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await maya.page
      .getByRole('region', { name: 'Notifications' })
      .getByText(/The request from Sam Lee for .* was closed by the organisation/)
      .first()
      .waitFor();

    const sam = await newPage(fixture.browser, fixture.confer.url, 'Europe/Berlin');
    await sam.page.goto('/sign-in');
    await sam.page.getByLabel('Email').fill('sam@demo.confer.test');
    await sam.page.getByLabel('Password').fill('confer-demo-2026');
    await sam.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await sam.page.getByText('Your organisation has deactivated your account').waitFor();

    await members.getByRole('button', { name: 'Reactivate Sam Lee' }).click();
    await members.getByText('Sam Lee is active again and can sign in.').waitFor();
    await signIn(sam.page, 'sam@demo.confer.test');
    for (const p of [admin, maya, sam]) await p.context.close();
  });
});
