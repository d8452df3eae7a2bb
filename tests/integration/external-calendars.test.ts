import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../src/db/schema.ts';
import { runDueJobs } from '../../src/services/process-jobs.ts';
import { as } from '../factories.ts';
import { createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #14: a mentor adds an iCalendar address (served here by a real HTTP
 * server); the worker reads it, and its busy times block slots — a weekly
 * meeting with one cancelled week, read again with ETag, kept when a read
 * fails, gone when the calendar is removed.
 */
const { app, clock, ctx: jobsCtx, database } = await createTestApp({ FETCH_ALLOW_LOCAL: 'true' });
clock.set(new Date('2027-03-01T06:00:00Z')); // a Monday

const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Confer tests//EN',
  'BEGIN:VEVENT',
  'UID:weekly-review@example.com',
  'DTSTAMP:20270101T000000Z',
  'SUMMARY:Weekly review',
  'DTSTART;TZID=Europe/London:20270301T100000',
  'DTEND;TZID=Europe/London:20270301T110000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO',
  'EXDATE;TZID=Europe/London:20270315T100000',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

let server: Server;
let address: string;
let failing = false;
const seen: { ifNoneMatch: string | undefined }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ ifNoneMatch: req.headers['if-none-match'] });
    if (failing) return void res.writeHead(503).end();
    if (req.headers['if-none-match'] === '"rev-1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'text/calendar', etag: '"rev-1"' }).end(feed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret/abc123/basic.ics`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const s = await createBookingScenario(app, 'Calendar Org');
const mine = () => as(app, s.mentor).get('/api/me/calendars');
const starts = async (from: string, to: string) => {
  const res = await as(app, s.mentee).get(
    `/api/orgs/${s.orgId}/mentors/${s.mentor.userId}/slots?from=${from}&to=${to}&tz=UTC`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .slots.filter((x: { kind: string }) => x.kind === 'weekly')
    .map((x: { start: string }) => x.start) as string[];
};
const mondays = () => starts('2027-03-08T00:00:00Z', '2027-03-16T00:00:00Z');
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

describe('an outside calendar', () => {
  let id: string;

  it('is read in the background, and its meeting blocks the slots except the cancelled week', async () => {
    const added = await as(app, s.mentor).post('/api/me/calendars', { url: address });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ status: 'waiting', lastReadAt: null });
    expect(added.json().label).toBe(`127.0.0.1:${new URL(address).port} …/basic.ics`);
    id = added.json().id;
    const before = await mondays();
    expect(before).toContain('2027-03-08T10:00:00.000Z');
    expect(before).toContain('2027-03-15T10:00:00.000Z');

    // Booked before the calendar is read: the mentor sees the clash on the request.
    const early = await s.book(s.mentee, '2027-03-01T10:00:00Z');

    await runDueJobs(jobsCtx);
    const [read] = (await mine()).json().calendars;
    expect(read).toMatchObject({ status: 'ok', lastError: null });
    expect(read.busyCount).toBeGreaterThan(50);
    const slots = await mondays();
    expect(slots).not.toContain('2027-03-08T10:00:00.000Z');
    expect(slots).toContain('2027-03-08T09:00:00.000Z');
    expect(slots).toContain('2027-03-08T11:00:00.000Z');
    // The cancelled week is free.
    expect(slots).toContain('2027-03-15T10:00:00.000Z');
    // The mentor's week view reads them with their titles; a range over 62 days is refused.
    const week = await as(app, s.mentor).get(
      '/api/me/calendars/busy?from=2027-03-08T00:00:00Z&to=2027-03-22T00:00:00Z',
    );
    expect(week.json().busy).toEqual([
      {
        startsAt: '2027-03-08T10:00:00.000Z',
        endsAt: '2027-03-08T11:00:00.000Z',
        title: 'Weekly review',
        tentative: false,
      },
    ]);
    const tooLong = await as(app, s.mentor).get(
      '/api/me/calendars/busy?from=2027-03-01T00:00:00Z&to=2027-06-01T00:00:00Z',
    );
    expect(Object.keys(tooLong.json().error.fields)).toEqual(['query.to']);
    const pending = (await as(app, s.mentor).get('/api/me/pending-bookings')).json();
    const card = pending.bookings.find((b: { id: string }) => b.id === early);
    expect(card.conflicts).toContainEqual({
      kind: 'calendar',
      title: 'Weekly review',
      startsAt: '2027-03-01T10:00:00.000Z',
      endsAt: '2027-03-01T11:00:00.000Z',
    });
  });

  it('is read again ten minutes later with its ETag, and keeps its busy times when a read fails', async () => {
    later(11 * 60_000);
    await runDueJobs(jobsCtx);
    expect(seen.at(-1)?.ifNoneMatch).toBe('"rev-1"');
    expect((await mine()).json().calendars[0].status).toBe('ok');

    failing = true;
    later(11 * 60_000);
    await runDueJobs(jobsCtx);
    const [broken] = (await mine()).json().calendars;
    expect(broken.status).toBe('failing');
    expect(broken.lastError).toContain('503');
    expect(await mondays()).not.toContain('2027-03-08T10:00:00.000Z');
    failing = false;
  });

  it('is read again when the mentor asks, without doubling the reads that follow', async () => {
    const pendingReads = async () =>
      (
        await database.db
          .select()
          .from(jobs)
          .where(and(eq(jobs.kind, 'calendar.refresh'), isNull(jobs.doneAt)))
      ).length;
    expect(await pendingReads()).toBe(1);
    const before = seen.length;
    const asked = await as(app, s.mentor).post(`/api/me/calendars/${id}/refresh`, {});
    expect(asked.statusCode, asked.body).toBe(202);
    await runDueJobs(jobsCtx);
    expect(seen.length).toBe(before + 1);
    expect(await pendingReads()).toBe(1);
  });

  it('is the mentor’s own: nobody else removes it, and removing it frees the time', async () => {
    const other = await as(app, s.mentee).delete(`/api/me/calendars/${id}`);
    expect(other.statusCode).toBe(404);
    expect((await as(app, s.mentor).delete(`/api/me/calendars/${id}`)).statusCode).toBe(204);
    expect(await mondays()).toContain('2027-03-08T10:00:00.000Z');
    expect((await mine()).json().calendars).toEqual([]);
  });

  it('refuses what is no address, and at most five', async () => {
    const bad = await as(app, s.mentor).post('/api/me/calendars', { url: 'ftp://x.example/a.ics' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['body.url']);
    for (let i = 0; i < 5; i++) {
      const ok = await as(app, s.mentor).post('/api/me/calendars', {
        url: `webcal://calendar.example/${i}.ics`,
      });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const sixth = await as(app, s.mentor).post('/api/me/calendars', {
      url: 'https://calendar.example/6.ics',
    });
    expect(sixth.statusCode).toBe(409);
  });
});

describe('without FETCH_ALLOW_LOCAL', () => {
  it('takes https addresses only and never reads one on this machine', async () => {
    const strict = await createTestApp();
    const t = await createBookingScenario(strict.app, 'Strict Org');
    const plain = await as(strict.app, t.mentor).post('/api/me/calendars', { url: address });
    expect(plain.statusCode).toBe(400);
    const local = await as(strict.app, t.mentor).post('/api/me/calendars', {
      url: address.replace('http://', 'https://'),
    });
    expect(local.statusCode, local.body).toBe(201);
    const before = seen.length;
    await runDueJobs(strict.ctx);
    const [refused] = (await as(strict.app, t.mentor).get('/api/me/calendars')).json().calendars;
    expect(refused.status).toBe('failing');
    expect(refused.lastError).toMatch(/not an address Confer may fetch/);
    expect(seen.length).toBe(before);
  });
});
