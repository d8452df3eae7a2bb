import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dateInDays, dayTimes, pickDay } from './picker-steps.ts';
import { conferFixture, openTab, region, signedIn } from './support.ts';

const fixture = conferFixture();

const as = (email: string, zone: string) => signedIn(fixture, email, zone);

const tab = openTab;

async function openProfile(page: Page, name: string) {
  await tab(page, 'People');
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** Requests → one of its tabs, freshly loaded. */
async function requestsTab(page: Page, name: 'Mentorship requests' | 'Message requests') {
  await tab(page, 'Requests');
  await page.getByRole('tab', { name }).click();
}

/** One request in the Received or Sent card, by kind and the other person's name. */
const requestIn = (page: Page, box: 'Received' | 'Sent', name: string, kind: string) =>
  region(page, box).getByRole('listitem', { name }).filter({ hasText: kind });

async function sendFromProfile(page: Page, action: string, to: string, message: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByLabel(`Message to ${to}`).fill(message);
}

describe('mentorship requests (seed 001)', () => {
  it('an offer dismissed silently, accepted by a session request; the session request accepted by a booking', async () => {
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    await openProfile(maya.page, 'Aiko Tanaka');
    await sendFromProfile(
      maya.page,
      'Offer to mentor',
      'Aiko Tanaka',
      'Happy to help with system design.',
    );
    await maya.page.getByRole('button', { name: 'Send offer' }).click();
    await maya.page.getByText('Offer to mentor sent to Aiko Tanaka').waitFor();

    // The mentee dismisses it: Dismissed for her, still Pending for Maya.
    const aiko = await as('aiko@demo.confer.test', 'Asia/Tokyo');
    await requestsTab(aiko.page, 'Mentorship requests');
    const offer = requestIn(aiko.page, 'Received', 'Maya Okafor', 'Offer to mentor');
    await offer.getByText('Happy to help with system design.').waitFor();
    await offer.getByText('Pending', { exact: true }).waitFor();
    await offer.getByRole('button', { name: 'Dismiss' }).click();
    await offer.getByText('Dismissed', { exact: true }).waitFor();
    await offer.getByRole('link', { name: 'Book a session' }).waitFor(); // still acceptable
    expect(await offer.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);

    await requestsTab(maya.page, 'Mentorship requests');
    const sentOffer = requestIn(maya.page, 'Sent', 'Aiko Tanaka', 'Offer to mentor');
    await sentOffer.getByText('Pending', { exact: true }).waitFor();
    expect(await sentOffer.getByText('Dismissed').count()).toBe(0);

    // Later she asks Maya for a session from Maya's profile: the offer is Accepted.
    await openProfile(aiko.page, 'Maya Okafor');
    await sendFromProfile(
      aiko.page,
      'Request a session',
      'Maya Okafor',
      'Could we talk about moving into product?',
    );
    await aiko.page.getByRole('button', { name: 'Send request' }).click();
    await aiko.page.getByText('Session request sent to Maya Okafor').waitFor();
    await requestsTab(aiko.page, 'Mentorship requests');
    await requestIn(aiko.page, 'Received', 'Maya Okafor', 'Offer to mentor')
      .getByText('Accepted', { exact: true })
      .waitFor();
    const sentRequest = requestIn(aiko.page, 'Sent', 'Maya Okafor', 'Session request');
    await sentRequest.getByText('Pending', { exact: true }).waitFor();

    // Maya's open Mentorship requests tab hears of it: no reload.
    await sentOffer.getByText('Accepted', { exact: true }).waitFor();
    const received = requestIn(maya.page, 'Received', 'Aiko Tanaka', 'Session request');
    await received.getByText('Could we talk about moving into product?').waitFor();
    await received.getByText('Pending', { exact: true }).waitFor();
    await received.getByRole('link', { name: 'Book a session with Aiko Tanaka' }).waitFor();

    // Aiko books one of Maya's times; Maya approves it under Session requests.
    await openProfile(aiko.page, 'Maya Okafor');
    const card = region(aiko.page, 'Book a time');
    await pickDay(card, await dateInDays(aiko.page, 14));
    await dayTimes(card).first().click();
    const form = aiko.page.getByRole('form', { name: 'Book this time' });
    await form.getByLabel('Message').fill('Product career chat, as we discussed.');
    await form.getByRole('button', { name: 'Request booking' }).click();
    await aiko.page.getByText('Booking requested — waiting for Maya Okafor').waitFor();
    await requestsTab(aiko.page, 'Mentorship requests');
    await sentRequest.getByText('Pending', { exact: true }).waitFor();

    await tab(maya.page, 'Requests');
    const booking = region(maya.page, 'Received')
      .getByRole('listitem')
      .filter({ hasText: 'Product career chat, as we discussed.' });
    await booking.getByRole('button', { name: 'Approve' }).click();
    await booking.waitFor({ state: 'detached' });

    await maya.page.getByRole('tab', { name: 'Mentorship requests' }).click();
    await received.getByText('Accepted', { exact: true }).waitFor();
    await sentOffer.getByText('Accepted', { exact: true }).waitFor();
    // Aiko's open Requests page hears of Maya's approval: no reload.
    await sentRequest.getByText('Accepted', { exact: true }).waitFor();
    await maya.close();
    await aiko.close();
  });
});

describe('message requests (seed 003)', () => {
  it('a first message to someone not connected waits for them; one is rejected after a confirmation step, one accepted', async () => {
    const zanele = await as('zanele@demo.confer.test', 'Africa/Johannesburg');
    await openProfile(zanele.page, 'Diego Fernández');
    await sendFromProfile(
      zanele.page,
      'Message',
      'Diego Fernández',
      'Could you recommend a book on ML systems?',
    );
    await zanele.page.getByRole('button', { name: 'Send message' }).click();
    await zanele.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);

    // One message until it is accepted: a second try is refused in plain words.
    await openProfile(zanele.page, 'Diego Fernández');
    await sendFromProfile(zanele.page, 'Message', 'Diego Fernández', 'Hello again?');
    await zanele.page.getByRole('button', { name: 'Send message' }).click();
    await zanele.page
      .getByRole('alert')
      .getByText('You can write again once they accept your message request')
      .waitFor();

    const sam = await as('sam@demo.confer.test', 'America/New_York');
    await openProfile(sam.page, 'Diego Fernández');
    await sendFromProfile(sam.page, 'Message', 'Diego Fernández', 'Hi Diego, Sam here.');
    await sam.page.getByRole('button', { name: 'Send message' }).click();
    await sam.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);

    const diego = await as('diego@demo.confer.test', 'America/Mexico_City');
    await requestsTab(diego.page, 'Message requests');
    const waiting = diego.page.getByRole('list', { name: 'Message requests waiting' });
    const fromZanele = waiting.getByRole('listitem', { name: 'Zanele Dlamini' });
    await fromZanele.getByRole('button', { name: 'View message' }).click();
    await fromZanele.getByText('Could you recommend a book on ML systems?').waitFor();
    await fromZanele
      .getByRole('button', { name: 'Reject message request from Zanele Dlamini' })
      .click();
    await fromZanele.getByText('Reject this message request?').waitFor();
    await fromZanele.getByRole('button', { name: 'Reject', exact: true }).click();
    await diego.page.getByText('Message request from Zanele Dlamini rejected').waitFor();
    await diego.page
      .getByRole('list', { name: 'Answered message requests' })
      .getByRole('listitem', { name: 'Zanele Dlamini' })
      .getByText('Rejected', { exact: true })
      .waitFor();

    const fromSam = waiting.getByRole('listitem', { name: 'Sam Lee' });
    await fromSam.getByRole('button', { name: 'Accept' }).click();
    await diego.page.getByText('Sam Lee is now one of your connections').waitFor();

    await requestsTab(zanele.page, 'Message requests');
    await region(zanele.page, 'Sent')
      .getByRole('listitem', { name: 'Diego Fernández' })
      .getByText('Rejected', { exact: true })
      .waitFor();
    await requestsTab(sam.page, 'Message requests');
    await region(sam.page, 'Sent')
      .getByRole('listitem', { name: 'Diego Fernández' })
      .getByText('Accepted', { exact: true })
      .waitFor();
    await zanele.close();
    await sam.close();
    await diego.close();
  });
});

describe('a mentor books the mentee who asked', () => {
  it('from the session request, a new session opens with the mentee chosen; publishing it accepts the request', async () => {
    const noah = await as('noah@demo.confer.test', 'Europe/Berlin');
    await openProfile(noah.page, 'Maya Okafor');
    await sendFromProfile(noah.page, 'Request a session', 'Maya Okafor', 'Portfolio review?');
    await noah.page.getByRole('button', { name: 'Send request' }).click();
    await noah.page.getByText('Session request sent to Maya Okafor').waitFor();

    const maya = await as('maya@demo.confer.test', 'Europe/London');
    await requestsTab(maya.page, 'Mentorship requests');
    await requestIn(maya.page, 'Received', 'Noah Schmidt', 'Session request')
      .getByRole('link', { name: 'Book a session with Noah Schmidt' })
      .click();
    const form = maya.page.getByRole('form', { name: 'New session' });
    await expect.poll(() => form.getByLabel('Mentee (optional)').inputValue()).not.toBe('');
    const chosen = form.getByLabel('Mentee (optional)').locator('option:checked');
    expect(await chosen.textContent()).toBe('Noah Schmidt');
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Title').fill('Portfolio review');
    await form.getByLabel('Date').fill(inTenDays);
    // Early: the demo's own sessions with Maya are in the afternoon and evening.
    await form.getByLabel('Start time').fill('07:30');
    await form.getByLabel('Meeting URL').fill('https://meet.example.test/portfolio');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    await maya.page.getByText('Session published').first().waitFor();

    await requestsTab(noah.page, 'Mentorship requests');
    await requestIn(noah.page, 'Sent', 'Maya Okafor', 'Session request')
      .getByText('Accepted', { exact: true })
      .waitFor();
    await noah.close();
    await maya.close();
  });
});

describe('suggestions', () => {
  it('an admin suggests a mentor to a mentee, found by name; the mentee’s bell shows it live, linking to the profile', async () => {
    const lucas = await as('lucas@demo.confer.test', 'Europe/Paris');
    const admin = await as('admin@demo.confer.test', 'Europe/Dublin');
    await openProfile(admin.page, 'Lucas Martin');
    await admin.page.getByRole('button', { name: 'Suggest…' }).click();
    const form = admin.page.getByRole('form', { name: 'Suggest someone' });
    await form.getByLabel('Find a member').fill('diego');
    const pick = form.getByLabel('Someone to suggest to Lucas Martin');
    await expect.poll(() => pick.locator('option', { hasText: 'Priya Raman' }).count()).toBe(0);
    await pick.selectOption({ label: 'Diego Fernández' });
    await form.getByLabel('Note').fill('Diego has led platform teams.');
    await form.getByRole('button', { name: 'Send suggestion' }).click();
    await admin.page.getByText('You suggested Diego Fernández to Lucas Martin').waitFor();

    // No reload: the bell hears of it from the server's live stream.
    const bell = lucas.page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor({ timeout: 10_000 });
    await bell.click();
    const note = lucas.page
      .getByRole('region', { name: 'Notifications' })
      .getByRole('link', { name: /suggests Diego Fernández as a mentor for you/ });
    await note.click();
    await lucas.page.getByRole('heading', { name: 'Diego Fernández', level: 1 }).waitFor();
    await lucas.close();
    await admin.close();
  });
});
