import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { itemWith, requestFirstSlot } from './booking-steps.ts';
import { dayTimes, pickDay } from './picker-steps.ts';
import { conferFixture, openTab, sessionsTab, signedIn } from './support.ts';

const fixture = conferFixture();

const as = (email: string, zone: string) => signedIn(fixture, email, zone);

const tab = openTab;

describe('booking a session', () => {
  it('request → counter-proposal → accepted → meeting link changed → cancelled with a reason, with the history', async () => {
    const noah = await as('noah@demo.confer.test', 'Europe/Berlin');
    await requestFirstSlot(noah.page, 'Could we talk about my first job search?');

    const maya = await as('maya@demo.confer.test', 'Europe/London');
    await tab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Noah Schmidt');
    await request.getByText('Could we talk about my first job search?').waitFor();
    // Noah's past sessions (the demo's history, with Diego) come with his request.
    await request.getByText(/history: \d+ sessions?\b/).waitFor();
    await request.getByRole('button', { name: 'Suggest another time' }).click();
    // She picks one of her own free times three weeks on.
    const form = request.getByRole('form', { name: 'Suggest another time' });
    const suggestion = Temporal.Now.plainDateISO('Europe/London').add({ days: 21 });
    await pickDay(form, suggestion.toString());
    const time = dayTimes(form).first();
    const london = ((await time.textContent()) ?? '').slice(0, 5);
    await time.click();
    await form.getByRole('button', { name: 'Send suggestion' }).click();
    await request.getByText(/Waiting for Noah Schmidt/).waitFor();

    await tab(noah.page, 'Requests');
    const sent = itemWith(noah.page, 'Sent', 'Maya Okafor');
    await sent.getByRole('region', { name: 'Maya Okafor’s suggestion' }).waitFor();
    await sent.getByRole('button', { name: 'Accept' }).click();
    await tab(noah.page, 'Sessions');
    const upcoming = itemWith(noah.page, 'Upcoming', 'Maya Okafor');
    await upcoming.getByText('Confirmed').waitFor();
    // Berlin's winter clock is an hour ahead of London's.
    const berlin = `${String(Number(london.slice(0, 2)) + 1).padStart(2, '0')}${london.slice(2)}`;
    await upcoming.getByText(berlin).first().waitFor();

    await tab(maya.page, 'Sessions');
    const mine = itemWith(maya.page, 'Upcoming', 'Noah Schmidt');
    await mine.getByRole('button', { name: 'Change meeting link' }).click();
    await mine.getByRole('textbox', { name: 'Meeting link' }).fill('https://zoom.example/j/424242');
    await mine.getByRole('button', { name: 'Save link' }).click();
    await mine.getByText('zoom.example/j/424242').first().waitFor();

    // Noah's open Sessions page hears of the new link: no reload.
    const toCancel = itemWith(noah.page, 'Upcoming', 'Maya Okafor');
    await toCancel.getByText('zoom.example/j/424242').first().waitFor();
    await toCancel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await toCancel.getByLabel('Reason').fill('I accepted a job offer');
    await toCancel.getByRole('button', { name: 'Cancel session' }).click();
    await sessionsTab(noah.page, 'Cancelled');
    const cancelled = itemWith(noah.page, 'Cancelled', 'Maya Okafor');
    await cancelled.getByText('I accepted a job offer').waitFor();
    await cancelled.getByRole('button', { name: 'History' }).click();
    await cancelled.getByRole('list', { name: 'History' }).getByRole('listitem').nth(4).waitFor();
    const history = await cancelled
      .getByRole('list', { name: 'History' })
      .getByRole('listitem')
      .allTextContents();
    expect(history.length).toBe(5); // requested, suggested, accepted, link changed, cancelled
    expect(history.join(' ')).toContain('I accepted a job offer');
    await noah.close();
    await maya.close();
  });

  it('a mentor reviews a request (message, history) and approves it; both see it confirmed with calendar links', async () => {
    const sam = await as('sam@demo.confer.test', 'America/New_York');
    await requestFirstSlot(sam.page, 'Could we prepare my product case study?');
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    // The bell: the server's worker turns the request into a notification within a
    // second, and the live stream tells the open page (no reload).
    const bell = maya.page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.click();
    await maya.page
      .getByRole('region', { name: 'Notifications' })
      .getByText(/Sam Lee requested a session on \w{3} \d+ \w+, \d\d:\d\d \(London time\)/)
      .first()
      .waitFor();
    await tab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Could we prepare my product case study?');
    await request
      .getByRole('link', { name: /Sam Lee/ })
      .first()
      .waitFor();
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.waitFor({ state: 'detached' });

    await tab(maya.page, 'Sessions');
    await itemWith(maya.page, 'Upcoming', 'Session with Sam Lee')
      .filter({ hasText: 'Confirmed' })
      .first()
      .waitFor();
    await tab(sam.page, 'Sessions');
    const confirmed = itemWith(sam.page, 'Upcoming', 'Maya Okafor')
      .filter({ hasText: 'meet.jit.si/confer-' })
      .first();
    await confirmed.getByText('Confirmed').waitFor();
    await confirmed.getByRole('link', { name: 'Google' }).waitFor();
    await expect(
      confirmed.getByRole('link', { name: '.ics file' }).getAttribute('href'),
    ).resolves.toMatch(/calendar\.ics$/);
    await sam.close();
    await maya.close();
  });

  it('a mentor rejects with a reason, after a confirmation step, and the mentee sees it', async () => {
    const aiko = await as('aiko@demo.confer.test', 'Asia/Tokyo');
    await requestFirstSlot(aiko.page, 'Can you review my system design notes?');
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    await tab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Aiko Tanaka');
    await request.getByRole('button', { name: 'Reject' }).click();
    await request
      .getByLabel('Reason')
      .fill('Outside my expertise; Diego is the right mentor for this');
    await request.getByRole('button', { name: 'Reject booking' }).click();
    await request.getByRole('button', { name: 'Yes, reject' }).click();
    await itemWith(maya.page, 'Received', 'Aiko Tanaka').waitFor({ state: 'detached' });

    await tab(aiko.page, 'Sessions');
    await sessionsTab(aiko.page, 'Cancelled');
    const rejected = itemWith(aiko.page, 'Cancelled', 'Maya Okafor');
    await rejected.getByText('Rejected').first().waitFor();
    await rejected.getByText('Diego is the right mentor for this').waitFor();
    await aiko.close();
    await maya.close();
  });

  it('an unanswered paid booking expires after seven days and is refunded', async () => {
    const zanele = await as('zanele@demo.confer.test', 'Africa/Johannesburg');
    await requestFirstSlot(zanele.page, 'Mock interview, please', 'Product career review');
    await tab(zanele.page, 'Sessions');
    await sessionsTab(zanele.page, 'Requested');
    const requested = itemWith(zanele.page, 'Requested', 'Product career review');
    await requested.getByText('payment held').waitFor();

    await fixture.confer.advanceClock(8 * 86_400_000);
    // The server's job worker runs every second; its expiry reaches the open page live.
    await requested.waitFor({ state: 'detached', timeout: 10_000 });
    await sessionsTab(zanele.page, 'Cancelled');
    const expired = itemWith(zanele.page, 'Cancelled', 'Product career review')
      .filter({ hasText: 'Expired' })
      .first();
    await expired.getByText('refunded').waitFor();
    await zanele.close();
  });
});
