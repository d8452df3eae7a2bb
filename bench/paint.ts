import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newPage, signIn, startConfer } from '../tests/e2e/support.ts';
import { percentile, summarise } from './stats.ts';

/**
 * The Sessions page's first contentful paint in headless Chromium (issue
 * #12, target < 2 s), on a cold cache each time (a new browser context with
 * only the session cookie), unthrottled and with Lighthouse's "slow 4G"
 * (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU slowdown.
 * Also when its list of sessions is on screen. The baseline, in the same
 * run and under the same conditions: a bare HTML page from a bare Node
 * server. The real `confer serve` on PGlite with the demo data, the
 * production build (dist/web, built first when missing).
 */
const RUNS = 7;
const TARGET_MS = 2_000;
const exec = promisify(execFile);

type Conditions = { name: string; throttle: boolean };
const conditions: Conditions[] = [
  { name: 'unthrottled', throttle: false },
  { name: 'slow 4G + 4× CPU', throttle: true },
];

async function throttle(
  context: BrowserContext,
  page: Awaited<ReturnType<BrowserContext['newPage']>>,
) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** One cold load of `url`: first contentful paint, and when `ready` (a selector) is shown. */
async function load(
  browser: Browser,
  url: string,
  c: Conditions,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  ready: string,
) {
  const context = await browser.newContext({ storageState, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    if (c.throttle) await throttle(context, page);
    const started = Date.now();
    await page.goto(url);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    const shown = Date.now() - started;
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    return { fcp, shown };
  } finally {
    await context.close();
  }
}

export async function run() {
  console.log('\n# paint: the Sessions page in headless Chromium, cold cache');
  if (!existsSync('dist/web/index.html')) {
    await exec('npx', ['vite', 'build', '--logLevel', 'error']);
  }
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body><h1>Sessions</h1></body></html>');
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const confer = await startConfer();
  const browser = await launchBrowser();
  try {
    const { page, context } = await newPage(browser, confer.url, 'America/New_York');
    await signIn(page, 'sam@demo.confer.test');
    await page.waitForURL(/\/o\/[0-9a-f-]{36}\/home$/);
    const orgPath = new URL(page.url()).pathname.replace(/\/home$/, '');
    const storageState = await context.storageState();
    await context.close();
    const sessionsUrl = `${confer.url}${orgPath}/sessions`;
    for (const c of conditions) {
      const app = { fcp: [] as number[], shown: [] as number[] };
      const baseline: number[] = [];
      // One uncounted warm-up of each (the server's first answers, the disk cache).
      await load(browser, sessionsUrl, c, storageState, '[aria-label="Upcoming"]');
      for (let i = 0; i < RUNS; i += 1) {
        const a = await load(browser, sessionsUrl, c, storageState, '[aria-label="Upcoming"]');
        app.fcp.push(a.fcp);
        app.shown.push(a.shown);
        baseline.push((await load(browser, bareUrl, c, undefined, 'h1')).fcp);
      }
      const median = percentile(app.fcp, 50);
      console.log(`## ${c.name}`);
      console.log(`Sessions page, first contentful paint  ${summarise(app.fcp)}`);
      console.log(`Sessions page, its list on screen       ${summarise(app.shown)}`);
      console.log(`bare HTML page, first contentful paint  ${summarise(baseline)}`);
      console.log(
        `median FCP ${Math.round(median)} ms = ${(median / percentile(baseline, 50)).toFixed(1)}× the bare page; target < ${TARGET_MS} ms: ${median < TARGET_MS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await browser.close();
    await confer.stop();
    bare.close();
  }
}
