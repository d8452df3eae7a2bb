import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, signIn, startConfer } from '../tests/e2e/support.ts';
import { type SignedIn, signInDemo } from '../tests/support/demo-client.ts';
import { freshPostgresDatabase, startServerProcess } from '../tests/support/server-process.ts';
import { benchAdminUrl } from './postgres.ts';
import { percentile, summarise } from './stats.ts';

/**
 * How long a change takes to reach another person's open list: the real
 * `confer serve` (PGlite on a fresh DATA_DIR, demo data) and Chromium. Maya,
 * a mentor, has Requests → Session requests open; Sam, a mentee, books one of
 * her free times over the API 20 times (after one uncounted warm-up). The
 * figure the target is about is (the instant the new request is in the page's
 * DOM, seen by a MutationObserver, so before the next paint) − (the instant
 * Sam's client had its 201): the commit, and with it the announcement, has
 * happened by then, so this is a lower bound of commit → shown; (shown − the
 * instant the request was sent) is printed as the upper bound. Browser and
 * Node run on one machine, so Date.now() in both reads the same clock. The other direction rides along: Maya approves
 * over the API and Sam's open Sessions page shows the booking Confirmed.
 * Approved bookings take their slot, so each change books the next free one
 * and Sam never nears the pending limit. A bare `GET /health` from Node is
 * the baseline of one HTTP round trip, measured in the same run. Then the
 * same on PostgreSQL (an empty database at BENCH_DATABASE_URL, migrated and
 * seeded by the server), where announcements go through LISTEN/NOTIFY.
 */
const CHANGES = 20;
const TARGET_MS = 1_000;
const WAIT_MS = 15_000;
const DAY_MS = 86_400_000;
const MENTOR = 'maya@demo.confer.test';
const MENTEE = 'sam@demo.confer.test';

type Condition = { selector: string; text: string; present: boolean };
/** Instants (Date.now()) of one write: sent, its answer, and the other page showing it. */
type Timing = { sent: number; answered: number; shown: number };
type Sample = { request: Timing; approval: Timing };
type Slot = { start: string; lengthMinutes: number; kind: string };

/**
 * Starts watching the page, before the change is made, for an element
 * matching `selector` whose text contains `text` to appear (or, with
 * `present: false`, to be gone); the returned function waits for the
 * instant (Date.now() in the page) a DOM mutation met the condition.
 */
async function watchFor(page: Page, condition: Condition) {
  const key = `watch-${Math.random()}`;
  // tsx compiles with esbuild's keepNames: inner functions call a `__name`
  // helper the page does not have. A string is sent as is.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(
    ({ key, condition, timeoutMs }) => {
      const holder = window as unknown as { benchWatches?: Record<string, Promise<number>> };
      holder.benchWatches ??= {};
      holder.benchWatches[key] = new Promise<number>((resolve, reject) => {
        const met = () =>
          [...document.querySelectorAll(condition.selector)].some((element) =>
            element.textContent?.includes(condition.text),
          ) === condition.present;
        if (met()) return resolve(Date.now());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`not met in ${timeoutMs} ms: ${JSON.stringify(condition)}`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (!met()) return;
          const at = Date.now();
          observer.disconnect();
          clearTimeout(timer);
          resolve(at);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    { key, condition, timeoutMs: WAIT_MS },
  );
  return () =>
    page.evaluate(
      (key) =>
        (window as unknown as { benchWatches: Record<string, Promise<number>> }).benchWatches[key]!,
      key,
    );
}

/** Sam books Maya's first free half hour; returns the booking and when its 201 arrived. */
async function requestBooking(mentee: SignedIn, orgId: string, mentorId: string, message: string) {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 60 * DAY_MS).toISOString();
  const { status, body } = await mentee.call<{ slots: Slot[] }>(
    'GET',
    `/api/orgs/${orgId}/mentors/${mentorId}/slots?from=${from}&to=${to}`,
  );
  if (status !== 200) throw new Error(`slots: ${status} ${JSON.stringify(body)}`);
  const free = body.slots.filter((s) => s.kind === 'weekly' && s.lengthMinutes === 30);
  for (const slot of free) {
    const sent = Date.now();
    const reply = await mentee.call<{ id: string }>('POST', `/api/orgs/${orgId}/bookings`, {
      mentorId,
      startsAt: slot.start,
      lengthMinutes: 30,
      message,
    });
    const answered = Date.now();
    if (reply.status === 201) return { bookingId: reply.body.id, sent, answered };
    // Sam's own calendar may hold this time (a demo booking with someone else).
    if (reply.status !== 409) throw new Error(`booking: ${reply.status} ${JSON.stringify(reply)}`);
  }
  throw new Error(`no bookable slot among ${free.length}`);
}

async function healthRoundTrip(url: string) {
  const started = performance.now();
  const res = await fetch(`${url}/health`);
  await res.arrayBuffer();
  return performance.now() - started;
}

async function measureOne(
  pages: { mentor: Page; mentee: Page },
  people: { mentor: SignedIn; mentee: SignedIn },
  orgId: string,
  marker: string,
): Promise<Sample> {
  const received = { selector: 'ul[aria-label="Received requests"] > li', text: marker };
  const requestShown = await watchFor(pages.mentor, { ...received, present: true });
  const { bookingId, ...request } = await requestBooking(
    people.mentee,
    orgId,
    people.mentor.userId,
    marker,
  );
  const requestShownAt = await requestShown();

  // Sam's Sessions page lists the request too; let it settle before the approval.
  const onSessions = `li[aria-labelledby="booking-${bookingId}-title"]`;
  await (await watchFor(pages.mentee, { selector: onSessions, text: '', present: true }))();
  const confirmed = await watchFor(pages.mentee, {
    selector: onSessions,
    text: 'Confirmed',
    present: true,
  });
  const answeredGone = await watchFor(pages.mentor, { ...received, present: false });
  const sent = Date.now();
  const approve = await people.mentor.call(
    'POST',
    `/api/orgs/${orgId}/bookings/${bookingId}/approve`,
    {},
  );
  const answered = Date.now();
  if (approve.status !== 200) throw new Error(`approve: ${approve.status}`);
  const approval = { sent, answered, shown: await confirmed() };
  await answeredGone();
  return { request: { ...request, shown: requestShownAt }, approval };
}

/** Opens both people's pages on a running server and times CHANGES changes. */
async function measure(label: string, url: string, browser: Browser) {
  const mentor = await signInDemo(url, MENTOR);
  const mentee = await signInDemo(url, MENTEE);
  const orgId = mentee.orgIds[0]!;
  const open = async (email: string, path: string, zone: string) => {
    const { page } = await newPage(browser, url, zone);
    await signIn(page, email);
    await page.goto(`/o/${orgId}/${path}`);
    return page;
  };
  const pages = {
    mentor: await open(MENTOR, 'requests', 'Europe/London'),
    mentee: await open(MENTEE, 'sessions', 'America/New_York'),
  };
  await pages.mentor.getByRole('list', { name: 'Received requests' }).waitFor();
  await pages.mentee.getByRole('heading', { name: 'Sessions' }).waitFor();

  const people = { mentor, mentee };
  const tag = Date.now().toString(36);
  await measureOne(pages, people, orgId, `bench ${tag} warm-up`);
  const samples: Sample[] = [];
  const health: number[] = [];
  for (let i = 1; i <= CHANGES; i++) {
    samples.push(await measureOne(pages, people, orgId, `bench ${tag} #${i}`));
    health.push(await healthRoundTrip(url));
  }
  await Promise.all([pages.mentor.context().close(), pages.mentee.context().close()]);

  const print = (what: string, figures: number[]) =>
    console.log(`${label.padEnd(9)} ${what.padEnd(40)} ${summarise(figures)}`);
  const requests = samples.map((s) => s.request);
  const approvals = samples.map((s) => s.approval);
  const shown = requests.map((t) => t.shown - t.answered);
  // The commit lies between sending and the answer: answer → shown is the
  // lower bound of commit → shown, sent → shown its upper bound.
  print("request 201 → mentor's Received list", shown);
  print(
    "request sent → mentor's Received list",
    requests.map((t) => t.shown - t.sent),
  );
  print(
    "approve 200 → mentee's Sessions page",
    approvals.map((t) => t.shown - t.answered),
  );
  print(
    "approve sent → mentee's Sessions page",
    approvals.map((t) => t.shown - t.sent),
  );
  console.log(
    `${label.padEnd(9)} ${'baseline GET /health round trip'.padEnd(40)} median ${percentile(health, 50).toFixed(1)} ms`,
  );
  const p95 = percentile(shown, 95);
  console.log(
    `${label.padEnd(9)} target p95 < ${TARGET_MS} ms (request 201 → Received): ${p95 < TARGET_MS ? 'met' : 'NOT met'}`,
  );
}

/** `confer serve` on PostgreSQL: an empty database, migrated and seeded at start. */
async function measureOnPostgres(browser: Browser) {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  try {
    database = await freshPostgresDatabase(benchAdminUrl);
  } catch {
    console.log('postgres  skipped (no server at BENCH_DATABASE_URL)');
    return;
  }
  try {
    const server = await startServerProcess({ DATABASE_URL: database.url });
    try {
      await measure('postgres', server.url, browser);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

export async function run() {
  console.log(`\n# live-lists: a change's answer → the other browser's list, ${CHANGES} changes`);
  if (!existsSync('dist/web/index.html')) {
    console.log('dist/web is missing: run `npm run build` first');
    return;
  }
  const browser = await launchBrowser();
  try {
    const confer = await startConfer();
    try {
      await measure('pglite', confer.url, browser);
    } finally {
      await confer.stop();
    }
    await measureOnPostgres(browser);
  } finally {
    await browser.close();
  }
}
