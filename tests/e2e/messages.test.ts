import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { conferFixture, openBookingThread, openTab, signedIn } from './support.ts';

const fixture = conferFixture();

const as = (email: string, zone: string) => signedIn(fixture, email, zone);

const tab = openTab;

const openThread = (page: Page, otherName: string) =>
  openBookingThread(page, otherName, 'Requested');

const log = (page: Page) => page.getByRole('log');
const conversation = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('link')
    .filter({ hasText: name });

/** Live means within a few seconds and without reloading the page. */
const LIVE_MS = 5_000;

/** The clock a viewer in `zone` reads at `iso`, as the app writes it (24-hour). */
const clockIn = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

// The smallest file the server's sniffing recognises as a PDF.
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

describe('messages', () => {
  it('a mentee and a mentor talk in their booking thread live, with an attachment and unread counts', async () => {
    const sam = await as('sam@demo.confer.test', 'America/New_York');
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    let mayaLoads = 0;
    maya.page.on('load', () => {
      mayaLoads += 1;
    });

    const samThread = await openThread(sam.page, 'Maya Okafor');
    const mayaThread = await openThread(maya.page, 'Sam Lee');
    expect(mayaThread).toBe(samThread);
    await maya.page.getByRole('textbox', { name: 'Message' }).waitFor();
    const loadsBefore = mayaLoads;

    // Sam attaches a PDF (shown with a remove button) and sends with Enter.
    await sam.page.getByLabel('Attach a file').setInputFiles({
      name: 'case-study.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await sam.page.getByRole('button', { name: 'Remove case-study.pdf' }).waitFor();
    const samBox = sam.page.getByRole('textbox', { name: 'Message' });
    await samBox.fill('Here is my case study draft');
    await samBox.press('Enter');
    await log(sam.page).getByText('Here is my case study draft').waitFor();
    await expect(samBox.inputValue()).resolves.toBe('');
    await sam.page.getByRole('button', { name: 'Remove case-study.pdf' }).waitFor({
      state: 'detached',
    });

    // Maya sees it arrive without reloading, with the time on her own clock.
    const arrived = log(maya.page).getByRole('listitem').filter({ hasText: 'case study draft' });
    await arrived.first().waitFor({ timeout: LIVE_MS });
    expect(mayaLoads).toBe(loadsBefore);
    const time = arrived.first().locator('time');
    const sentAt = (await time.getAttribute('datetime')) ?? '';
    await expect(time.textContent()).resolves.toBe(clockIn(sentAt, 'Europe/London'));

    // The open thread is read as messages arrive: no badge beside it in the list.
    await expect
      .poll(() => conversation(maya.page, 'Sam Lee').textContent(), { timeout: LIVE_MS })
      .toContain('📎 Here is my case study draft');
    await expect
      .poll(() => conversation(maya.page, 'Sam Lee').textContent(), { timeout: LIVE_MS })
      .not.toContain('unread');

    // She downloads the attachment under its own name.
    const link = arrived.getByRole('link', { name: /case-study\.pdf/ });
    await expect(arrived.first().textContent()).resolves.toMatch(/case-study\.pdf\s*\d+ B/);
    const [download] = await Promise.all([maya.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('case-study.pdf');

    // She replies; Sam sees the reply live.
    await maya.page
      .getByRole('textbox', { name: 'Message' })
      .fill('Thanks! I will read it before our session.');
    await maya.page.getByRole('button', { name: 'Send' }).click();
    await log(maya.page).getByText('Thanks! I will read it before our session.').waitFor();
    await log(sam.page)
      .getByText('Thanks! I will read it before our session.')
      .waitFor({ timeout: LIVE_MS });

    // Maya leaves the thread: nothing is unread, her reply is the latest line.
    await tab(maya.page, 'Messages');
    await maya.page.getByText('No conversation selected').waitFor();
    const samInList = conversation(maya.page, 'Sam Lee');
    await samInList.getByText('You: Thanks! I will read it').waitFor();
    await expect(samInList.textContent()).resolves.not.toContain('unread');

    // Sam writes two lines (Shift+Enter); Maya's list counts it unread, live.
    await samBox.fill('One more question:');
    await samBox.press('Shift+Enter');
    await samBox.pressSequentially('is the market sizing part clear?');
    await samBox.press('Enter');
    await log(sam.page).getByText('is the market sizing part clear?').waitFor();
    await samInList.getByText('One more question: is the market').waitFor({ timeout: LIVE_MS });
    await expect(samInList.textContent()).resolves.toContain('1 unread');
    expect(mayaLoads).toBe(loadsBefore);

    // Opening the thread reads it: the badge goes, and stays gone after a reload.
    await samInList.click();
    await log(maya.page).getByText('is the market sizing part clear?').waitFor();
    await expect.poll(() => samInList.textContent(), { timeout: LIVE_MS }).not.toContain('unread');
    await maya.page.reload();
    await log(maya.page).getByText('is the market sizing part clear?').waitFor();
    await samInList.waitFor();
    await expect(samInList.textContent()).resolves.not.toContain('unread');

    await sam.close();
    await maya.close();
  });

  it('Connections lists who accepted a message request, with a way to write to them', async () => {
    // In the demo, Diego accepted Aiko's message request and answered it.
    const aiko = await as('aiko@demo.confer.test', 'Asia/Tokyo');
    await tab(aiko.page, 'Connections');
    const diego = aiko.page
      .getByRole('list', { name: 'Connections' })
      .getByRole('listitem')
      .filter({ hasText: 'Diego Fernández' });
    await diego.getByText(/^Connected since /).waitFor();
    await diego.getByRole('link', { name: 'Message Diego Fernández' }).click();
    await log(aiko.page).getByText('send it over').waitFor();
    await aiko.page.getByText('Connection · direct messages').waitFor();
    await aiko.close();

    const sam = await as('sam@demo.confer.test', 'America/New_York');
    await tab(sam.page, 'Connections');
    await sam.page.getByText('No connections yet').waitFor();
    await sam.page.getByText(/accepts your message request/).waitFor();
    await sam.close();
  });
});
