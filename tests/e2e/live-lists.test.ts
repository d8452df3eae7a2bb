import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInDemo } from '../support/demo-client.ts';
import {
  freshDataDir,
  freshPostgresDatabase,
  isPostgresReachable,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { itemWith, requestFirstSlot } from './booking-steps.ts';
import {
  conferFixture,
  launchBrowser,
  newPage,
  openTab,
  region,
  sessionsTab,
  signIn,
} from './support.ts';

// No reloads in this file, and no navigation to see a change: every list is
// opened before someone else changes it and must update by itself.

/** Live: within two seconds of the other person's page saying it is done. */
const LIVE_MS = 2_000;

type Person = { page: Page; close(): Promise<void>; reloads(): number };

/** A signed-in page on `url` that counts its own page loads (a reload would be one). */
async function personOn(browser: Browser, url: string, email: string, zone: string) {
  const { page, context } = await newPage(browser, url, zone);
  await signIn(page, email);
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  return { page, close: () => context.close(), reloads: () => loads } satisfies Person;
}

/** The number beside the Received card's title: the requests waiting for an answer. */
const receivedCount = async (page: Page) =>
  Number(await region(page, 'Received').locator('.card__actions').textContent());

/** Maya has Session requests open; a mentee books her: the request appears, counted. */
async function bookingReachesOpenRequests(mentor: Person, mentee: Person, message: string) {
  await openTab(mentor.page, 'Requests');
  const received = region(mentor.page, 'Received');
  await received
    .getByRole('listitem')
    .first()
    .or(received.getByText('No requests waiting'))
    .waitFor();
  const before = await receivedCount(mentor.page);

  await requestFirstSlot(mentee.page, message);
  await itemWith(mentor.page, 'Received', message).waitFor({ timeout: LIVE_MS });
  expect(await receivedCount(mentor.page)).toBe(before + 1);
}

/** The mentee has Sessions open; Maya approves: it shows Upcoming, Confirmed. */
async function approvalReachesOpenSessions(mentor: Person, mentee: Person, message: string) {
  await openTab(mentee.page, 'Sessions');
  await sessionsTab(mentee.page, 'Requested');
  await itemWith(mentee.page, 'Requested', 'Maya Okafor').first().waitFor();
  await sessionsTab(mentee.page, 'Upcoming');
  const confirmed = itemWith(mentee.page, 'Upcoming', 'Maya Okafor').filter({
    hasText: 'Confirmed',
  });
  const before = await confirmed.count();

  const request = itemWith(mentor.page, 'Received', message);
  await request.getByRole('button', { name: 'Approve' }).click();
  await request.waitFor({ state: 'detached' });
  await confirmed.nth(before).waitFor({ timeout: LIVE_MS });
}

describe('live lists on one server', () => {
  const fixture = conferFixture();
  const as = (email: string, zone: string) =>
    personOn(fixture.browser, fixture.confer.url, email, zone);

  it('a booking appears in the mentor’s open requests, and its approval in the mentee’s open sessions', async () => {
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    const noah = await as('noah@demo.confer.test', 'Europe/Berlin');
    const message = 'Live: could we look at my CV together?';
    await bookingReachesOpenRequests(maya, noah, message);
    await approvalReachesOpenSessions(maya, noah, message);
    expect(maya.reloads() + noah.reloads()).toBe(0);
    await maya.close();
    await noah.close();
  });

  it('an accepted message request shows the receiver in the sender’s open connections', async () => {
    const sam = await as('sam@demo.confer.test', 'America/New_York');
    await openTab(sam.page, 'People');
    await sam.page.getByRole('link', { name: 'Diego Fernández' }).first().click();
    await sam.page.getByRole('button', { name: 'Message', exact: true }).click();
    await sam.page.getByLabel('Message to Diego Fernández').fill('Hi Diego, Sam here, live.');
    await sam.page.getByRole('button', { name: 'Send message' }).click();
    await sam.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await openTab(sam.page, 'Connections');
    await sam.page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    const connections = sam.page.getByRole('list', { name: 'Connections' });
    expect(
      await connections.getByRole('link', { name: 'Diego Fernández', exact: true }).count(),
    ).toBe(0);

    const diego = await as('diego@demo.confer.test', 'America/Mexico_City');
    await openTab(diego.page, 'Requests');
    await diego.page.getByRole('tab', { name: 'Message requests' }).click();
    await diego.page
      .getByRole('list', { name: 'Message requests waiting' })
      .getByRole('listitem', { name: 'Sam Lee' })
      .getByRole('button', { name: 'Accept' })
      .click();
    await diego.page.getByText('Sam Lee is now one of your connections').waitFor();
    await connections
      .getByRole('link', { name: 'Diego Fernández', exact: true })
      .waitFor({ timeout: LIVE_MS });
    expect(sam.reloads()).toBe(0);
    await sam.close();
    await diego.close();
  });
});

describe('catching up after the stream drops', () => {
  const data = freshDataDir();
  let server: ServerProcess;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let browser: Browser;
  const addressOf = (s: ServerProcess) => {
    const { hostname, port } = new URL(s.url);
    return { host: hostname, port: Number(port) };
  };

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: data.dir });
    proxy = await startTcpProxy(addressOf(server));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
    data.remove();
  });

  /** The browser only knows the proxy's address, which stays the same across restarts. */
  const maya = () =>
    personOn(browser, `http://127.0.0.1:${proxy.port}`, 'maya@demo.confer.test', 'Europe/London');

  /**
   * Restarts the server on the same DATA_DIR (PGlite allows one process at a
   * time) with the browser cut off; `whileDown` runs with the new process up
   * but still unreachable from the browser, so its changes are not heard live.
   */
  async function restartServer(whileDown: (url: string) => Promise<void>) {
    proxy.cut();
    await server.stop();
    server = await startServerProcess({ DATA_DIR: data.dir });
    proxy.retarget(addressOf(server));
    await whileDown(server.url);
  }

  /** A mentee asks Maya for a session through the API (another person, not this browser). */
  async function sessionRequestToMaya(url: string, mentee: string, message: string) {
    const from = await signInDemo(url, `${mentee}@demo.confer.test`);
    const mayaId = (await signInDemo(url, 'maya@demo.confer.test')).userId;
    const sent = await from.call('POST', `/api/orgs/${from.orgIds[0]}/mentorship-requests`, {
      kind: 'session_request',
      toUserId: mayaId,
      message,
    });
    expect(sent.status).toBe(201);
  }

  /** Lets the browser reach the server again; resolves once its event stream is open. */
  async function reconnect(page: Page) {
    const reopened = page.waitForResponse(
      (res) => res.url().endsWith('/api/me/events') && res.status() === 200,
    );
    proxy.restore();
    await reopened;
  }

  const receivedFrom = (page: Page, name: string, message: string) =>
    region(page, 'Received').getByRole('listitem', { name }).filter({ hasText: message });

  /** Well inside the 30 s poll of a down stream: what passes is the reconnection's refetch. */
  const CATCH_UP_MS = 10_000;

  it('a request sent while the server restarts shows on the open list once the stream is back', async () => {
    const mentor = await maya();
    await openTab(mentor.page, 'Requests');
    await mentor.page.getByRole('tab', { name: 'Mentorship requests' }).click();
    const received = region(mentor.page, 'Received');
    await received
      .getByRole('listitem')
      .first()
      .or(received.getByText('No mentorship requests'))
      .waitFor();
    const message = 'Sent while the server was away';

    await restartServer((url) => sessionRequestToMaya(url, 'noah', message));
    expect(await receivedFrom(mentor.page, 'Noah Schmidt', message).count()).toBe(0);

    await reconnect(mentor.page);
    await receivedFrom(mentor.page, 'Noah Schmidt', message).waitFor({ timeout: CATCH_UP_MS });
    expect(mentor.reloads()).toBe(0);
    await mentor.close();
  });

  it('a list that failed to load while the server was away loads once the stream is back', async () => {
    const mentor = await maya();
    await openTab(mentor.page, 'Requests');
    await region(mentor.page, 'Received').waitFor();
    const message = 'Sent while Maya’s list could not load';

    await restartServer(async (url) => {
      // Maya opens another tab meanwhile: its first load fails, and the page says so.
      await mentor.page.getByRole('tab', { name: 'Mentorship requests' }).click();
      await mentor.page.getByRole('alert').first().waitFor();
      await sessionRequestToMaya(url, 'sam', message);
    });

    await reconnect(mentor.page);
    await receivedFrom(mentor.page, 'Sam Lee', message).waitFor({ timeout: CATCH_UP_MS });
    expect(await mentor.page.getByRole('alert').count()).toBe(0);
    expect(mentor.reloads()).toBe(0);
    await mentor.close();
  });
});

const postgres = await isPostgresReachable();

describe.skipIf(!postgres)('live lists across two server instances on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    a = await startServerProcess({ DATABASE_URL: database.url }); // the first seeds the demo
    b = await startServerProcess({ DATABASE_URL: database.url });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('the mentor on one instance sees the booking live, the mentee on the other its approval', async () => {
    const maya = await personOn(browser, a.url, 'maya@demo.confer.test', 'Europe/London');
    const aiko = await personOn(browser, b.url, 'aiko@demo.confer.test', 'Asia/Tokyo');
    const message = 'Live across instances: system design practice?';
    await bookingReachesOpenRequests(maya, aiko, message);
    await approvalReachesOpenSessions(maya, aiko, message);
    expect(maya.reloads() + aiko.reloads()).toBe(0);
    await maya.close();
    await aiko.close();
  });
});
