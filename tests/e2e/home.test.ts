import { describe, expect, it } from 'vitest';
import { requestFirstSlot } from './booking-steps.ts';
import { conferFixture, region, signedIn } from './support.ts';

/**
 * Issue #12 "Home": the page after sign-in says what needs me (oldest first,
 * with how long it has waited), my next session and this week — live.
 */
const fixture = conferFixture();

describe('Home', () => {
  it('a mentor lands on what waits for them, and a new request appears there live', async () => {
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    await maya.page.waitForURL(/\/o\/[0-9a-f-]{36}\/home$/);
    await maya.page.getByRole('heading', { name: 'Home' }).waitFor();
    const waiting = region(maya.page, 'Waiting for you');
    // The demo's paid request from Sam waits for her.
    await waiting.getByRole('listitem').filter({ hasText: 'Sam Lee asks for a session' }).waitFor();
    // The Requests tab counts what waits for her.
    const requestsTab = maya.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: /^Requests/ });
    const waitingCount = async () =>
      Number(/(\d+) waiting for you/.exec((await requestsTab.textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(waitingCount).toBeGreaterThan(0);
    const before = await waitingCount();
    let loads = 0;
    maya.page.on('load', () => {
      loads += 1;
    });

    const aiko = await signedIn(fixture, 'aiko@demo.confer.test', 'Asia/Tokyo');
    await requestFirstSlot(aiko.page, 'Could we talk about system design?');
    // No reload: the live stream brings it to the open page.
    const fresh = waiting.getByRole('listitem').filter({ hasText: /asks for a session/ });
    await expect.poll(() => fresh.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await expect.poll(waitingCount, { timeout: 10_000 }).toBe(before + 1);
    expect(loads).toBe(0);
    // Oldest first: Sam's (from the demo's start) before the one just made.
    const items = await fresh.allInnerTexts();
    expect(items.at(-1)).toMatch(/Waiting \d+ minutes?/);
    await maya.close();
    await aiko.close();
  });

  it('a mentee added directly to a session sees it as their next session, with Join', async () => {
    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    await sam.page.getByRole('heading', { name: 'Home' }).waitFor();
    const next = region(sam.page, 'Next session');
    await next.getByText('Leadership check-in').waitFor();
    // Join opens 10 minutes before the start.
    await next.getByRole('button', { name: 'Join' }).waitFor();
    await sam.close();
  });
});
