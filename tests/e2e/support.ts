import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freshDataDir, startServerProcess } from '../support/server-process.ts';

export const DEMO_PASSWORD = 'confer-demo-2026';

export type RunningConfer = {
  url: string;
  /** the server's DATA_DIR: without SMTP its mail is in `mail/*.eml` */
  dataDir: string;
  stop(): Promise<void>;
  /** Moves the server's clock forward (TEST_CLOCK); jobs then run within a second. */
  advanceClock(ms: number): Promise<void>;
};

/**
 * Starts the real server the way a user does (`confer serve`) on a fresh
 * DATA_DIR and a free port; the built web app must already be in dist/web.
 */
export async function startConfer(env: Record<string, string> = {}): Promise<RunningConfer> {
  const data = freshDataDir();
  // TEST_CLOCK lets a test move the server's clock (expiry); jobs run every second.
  const server = await startServerProcess({ DATA_DIR: data.dir, TEST_CLOCK: 'true', ...env });
  const { url } = server;
  return {
    url,
    dataDir: data.dir,
    advanceClock: async (ms) => {
      const res = await fetch(`${url}/api/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!res.ok) throw new Error(`could not move the clock: ${res.status} ${await res.text()}`);
    },
    stop: async () => {
      await server.stop();
      data.remove();
    },
  };
}

/** Debian's Chromium; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(
  browser: Browser,
  baseURL: string,
  timezoneId = 'America/New_York',
  /** `bypassCSP`: axe-core checks inject a script the page's policy would refuse */
  options: { bypassCSP?: boolean } = {},
) {
  const context: BrowserContext = await browser.newContext({
    baseURL,
    timezoneId,
    locale: 'en-GB',
    ...options,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Signed in at any width: the header's own menu (its links fold away on a phone),
  // and landed — on the organisation's Home, or on / for someone in none yet.
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('.user-menu').waitFor();
  await page.waitForFunction(
    () =>
      window.location.pathname !== '/' ||
      Boolean(document.querySelector('h1')?.textContent?.startsWith('Welcome')),
  );
}

/**
 * One server and one browser for a test file, started before its tests and
 * stopped after them. Read `.confer` and `.browser` inside tests. `env`, run
 * first, gives the server settings (the addresses of stand-ins it started).
 */
export function conferFixture(env: () => Promise<Record<string, string>> = async () => ({})) {
  const fixture = {} as { confer: RunningConfer; browser: Browser };
  beforeAll(async () => {
    fixture.confer = await startConfer(await env());
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.confer?.stop();
  });
  return fixture;
}

/** A signed-in browser page of its own, in a time zone. */
export async function signedIn(
  fixture: { confer: RunningConfer; browser: Browser },
  email: string,
  zone: string,
) {
  const { page, context } = await newPage(fixture.browser, fixture.confer.url, zone);
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** Follows one of the organisation's tabs (Sessions, People, …), whatever count its badge shows. */
export const openTab = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: new RegExp(`^${name}\\s*(\\d+ (unread|waiting for you))?$`) })
    .first()
    .click();

/** Admin → one of the console's pages (Members, Import, Programs, …, Mailbox, Audit log). */
export async function openAdmin(page: Page, name: string) {
  await openTab(page, 'Admin');
  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name, exact: true })
    .click();
}

export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** On the Schedule page: one of its sections (Week, Hours & booking settings, Date overrides, Session types, My sessions). */
export const scheduleSection = (page: Page, name: string) =>
  page.getByRole('tab', { name, exact: true }).click();

/** On the Sessions tab: one of its groups (Requested, Upcoming, Past, Cancelled), whatever its count. */
export const sessionsTab = (page: Page, name: string) =>
  page.getByRole('tab', { name: new RegExp(`^${name} \\(\\d+\\)$`) }).click();

/**
 * Sessions → the booking with `otherName` in a timeline card → Messages: its
 * thread opens. Returns the thread's path.
 */
export async function openBookingThread(
  page: Page,
  otherName: string,
  card: 'Requested' | 'Upcoming',
) {
  await openTab(page, 'Sessions');
  await sessionsTab(page, card);
  // A booking's item (a session someone was added to also names them).
  await region(page, card)
    .getByRole('listitem')
    .filter({ hasText: otherName })
    .filter({ has: page.getByRole('button', { name: 'Messages' }) })
    .first()
    .getByRole('button', { name: 'Messages' })
    .click();
  await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: otherName }).waitFor();
  return new URL(page.url()).pathname;
}
