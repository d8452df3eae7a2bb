import { busyFromIcs } from '../core/calendar-busy.ts';
import { AppError, invalidField, notFound } from '../core/errors.ts';
import type { Tx } from '../db/client.ts';
import { getUserById } from '../db/queries/accounts.ts';
import {
  countExternalCalendarsOf,
  deleteExternalCalendar,
  type ExternalCalendarRow,
  getExternalCalendar,
  insertExternalCalendar,
  listExternalBusyOfMentors,
  listExternalCalendarsOf,
  replaceExternalBusy,
  updateExternalCalendar,
} from '../db/queries/external-calendars.ts';
import { hasPendingJob, insertJob, type NewJob } from '../db/queries/jobs.ts';
import { announceChange, announceMentorTimes } from '../db/queries/live-events.ts';
import { isPublicAddress, OutboundRefused, safeFetch } from '../integrations/safe-fetch.ts';
import type { Actor, ServiceContext } from './context.ts';
import { openSecret, sealSecret } from './secret-box.ts';

/*
 * Issue #14: a mentor's outside calendars as iCalendar addresses. Confer
 * reads each in the background (every ten minutes, with ETag and
 * If-Modified-Since, a size and a time limit, outside any transaction),
 * keeps the busy times it finds, and slots are computed from those: a page
 * never waits on the network, and a calendar that fails shows a warning
 * while its last busy times still count.
 */

export const CALENDAR_REFRESH_JOB = 'calendar.refresh';
const MAX_CALENDARS = 5;
const REFRESH_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;
const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
/** Busy times are kept from a day back to this far ahead (past any booking horizon). */
const AHEAD_MS = 400 * 86_400_000;
const DAY_MS = 86_400_000;
/** A calendar not read successfully for this long is stale: its busy times may be out of date. */
const STALE_MS = 3_600_000;
const SEAL_CONTEXT = 'external-calendar-url';

function fetchRules(ctx: ServiceContext) {
  return {
    allowHttp: ctx.fetchAllowLocal,
    addressAllowed: ctx.fetchAllowLocal ? () => true : isPublicAddress,
    maxBytes: MAX_BYTES,
    timeoutMs: TIMEOUT_MS,
  };
}

/** The address as given, checked: https (webcal is https), no credentials in it. */
function checkAddress(ctx: ServiceContext, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw invalidField('body.url', 'is not a web address');
  }
  const scheme = url.protocol;
  if (scheme !== 'https:' && !(ctx.fetchAllowLocal && scheme === 'http:')) {
    throw invalidField('body.url', 'must start with https:// (or webcal://)');
  }
  if (url.username || url.password) {
    throw invalidField('body.url', 'must not carry a user name or password');
  }
  return url;
}

const sealUrl = (ctx: ServiceContext, url: string) =>
  ctx.videoSetup.secretsKey
    ? `sealed:${sealSecret(ctx.videoSetup.secretsKey, url, SEAL_CONTEXT)}`
    : `plain:${url}`;

function openUrl(ctx: ServiceContext, stored: string): string {
  if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
  if (!ctx.videoSetup.secretsKey)
    throw new Error('the address is sealed and SECRETS_KEY is not set');
  return openSecret(ctx.videoSetup.secretsKey, stored.slice('sealed:'.length), SEAL_CONTEXT);
}

/** What the mentor sees of an address: its host and the end of its path, never the secret part. */
function labelOf(url: URL): string {
  const tail = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  return tail.length > 0 ? `${url.host} …/${tail.slice(-24)}` : url.host;
}

/**
 * The mentor's free times changed for everyone who may book them, and the
 * mentor's own pending requests may clash (or no longer clash) with it.
 */
async function announceCalendarChange(tx: Tx, userId: string) {
  await announceMentorTimes(tx, userId);
  await announceChange(tx, { type: 'change', resources: ['bookings'], userIds: [userId] });
}

/**
 * A read of one calendar. The periodic reads are one chain (each schedules
 * the next); a read the mentor asks for ("Read again") is extra and joins
 * the chain only when it has broken, so asking never doubles the reads.
 */
export function refreshJob(
  calendarId: string,
  runAt: Date,
  why: 'added' | 'next' | 'asked',
): NewJob {
  return {
    kind: CALENDAR_REFRESH_JOB,
    runAt,
    payload: why === 'asked' ? { calendarId } : { calendarId, periodic: 'true' },
    dedupeKey: `${CALENDAR_REFRESH_JOB}:${calendarId}:${why}:${runAt.getTime()}`,
  };
}

export type ExternalCalendarView = ReturnType<typeof present>;

function present(row: ExternalCalendarRow, now: Date) {
  const status = !row.lastReadAt
    ? 'waiting'
    : row.lastError
      ? 'failing'
      : !row.lastOkAt || now.getTime() - row.lastOkAt.getTime() > STALE_MS
        ? 'stale'
        : 'ok';
  return {
    id: row.id,
    label: row.label,
    tentativeIsBusy: row.tentativeIsBusy,
    status: status as 'waiting' | 'ok' | 'failing' | 'stale',
    lastReadAt: row.lastReadAt,
    lastOkAt: row.lastOkAt,
    lastError: row.lastError,
    busyCount: row.busyCount,
    createdAt: row.createdAt,
  };
}

export async function listExternalCalendars(ctx: ServiceContext, actor: Actor) {
  const rows = await listExternalCalendarsOf(ctx.db, actor.userId);
  return rows.map((r) => present(r, ctx.now()));
}

/** Adds an iCalendar address; its first read is queued at once. */
export async function addExternalCalendar(
  ctx: ServiceContext,
  actor: Actor,
  input: { url: string; tentativeIsBusy: boolean },
) {
  const url = checkAddress(ctx, input.url);
  return ctx.db.transaction(async (tx) => {
    if ((await countExternalCalendarsOf(tx, actor.userId)) >= MAX_CALENDARS) {
      throw new AppError('conflict', `At most ${MAX_CALENDARS} calendars; remove one first`, {
        reason: 'too_many_calendars',
      });
    }
    const now = ctx.now();
    const row = await insertExternalCalendar(tx, {
      userId: actor.userId,
      url: sealUrl(ctx, url.toString()),
      label: labelOf(url),
      tentativeIsBusy: input.tentativeIsBusy,
      createdAt: now,
    });
    await insertJob(tx, refreshJob(row.id, now, 'added'));
    return present(row, now);
  });
}

export async function removeExternalCalendar(ctx: ServiceContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteExternalCalendar(tx, actor.userId, id))) throw notFound('Calendar');
    // Its busy times went with it: the mentor's free times change.
    await announceCalendarChange(tx, actor.userId);
  });
}

/** "Read it now": queues a read at once (the worker runs it within seconds). */
export async function requestCalendarRefresh(ctx: ServiceContext, actor: Actor, id: string) {
  const row = await getExternalCalendar(ctx.db, id);
  if (!row || row.userId !== actor.userId) throw notFound('Calendar');
  await insertJob(ctx.db, refreshJob(id, ctx.now(), 'asked'));
  return present(row, ctx.now());
}

/**
 * Reads one calendar (a job step, outside any transaction): fetch, parse,
 * then store what it found and the next read in one transaction. A failure
 * is recorded on the calendar (its old busy times still count) and the next
 * read backs off; it never throws, so the chain of reads never breaks.
 */
export async function refreshExternalCalendar(
  ctx: ServiceContext,
  calendarId: string,
  /** one of the chain of periodic reads (false: a read the mentor asked for) */
  periodic: boolean,
) {
  const row = await getExternalCalendar(ctx.db, calendarId);
  if (!row) return;
  const owner = await getUserById(ctx.db, row.userId);
  const now = ctx.now();
  let outcome:
    | { kind: 'unchanged'; etag: string | null; lastModified: string | null }
    | {
        kind: 'read';
        etag: string | null;
        lastModified: string | null;
        busy: ReturnType<typeof busyFromIcs> & { ok: true };
      }
    | { kind: 'failed'; error: string };
  try {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    if (row.etag) headers['if-none-match'] = row.etag;
    if (row.lastModified) headers['if-modified-since'] = row.lastModified;
    const response = await safeFetch(openUrl(ctx, row.url), { ...fetchRules(ctx), headers });
    const etag = typeof response.headers.etag === 'string' ? response.headers.etag : null;
    const lastModified =
      typeof response.headers['last-modified'] === 'string'
        ? response.headers['last-modified']
        : null;
    if (response.status === 304) {
      outcome = {
        kind: 'unchanged',
        etag: etag ?? row.etag,
        lastModified: lastModified ?? row.lastModified,
      };
    } else if (response.status !== 200) {
      outcome = { kind: 'failed', error: `the calendar's server answered ${response.status}` };
    } else {
      const busy = busyFromIcs(response.body, {
        fromMs: now.getTime() - DAY_MS,
        toMs: now.getTime() + AHEAD_MS,
        timeZone: owner?.timeZone ?? 'UTC',
        tentativeIsBusy: row.tentativeIsBusy,
      });
      outcome = busy.ok
        ? { kind: 'read', etag, lastModified, busy }
        : { kind: 'failed', error: `the address did not give a calendar: ${busy.problem}` };
    }
  } catch (err) {
    outcome = {
      kind: 'failed',
      error:
        err instanceof OutboundRefused
          ? `the address ${err.message}`
          : `could not read the calendar: ${String(err).slice(0, 200)}`,
    };
  }
  const failures = outcome.kind === 'failed' ? row.failures + 1 : 0;
  const wait =
    outcome.kind === 'failed'
      ? Math.min(REFRESH_MS * 2 ** (failures - 1), MAX_BACKOFF_MS)
      : REFRESH_MS;
  await ctx.db.transaction(async (tx) => {
    // Removed meanwhile: nothing to store, no next read.
    if (!(await getExternalCalendar(tx, calendarId))) return;
    if (outcome.kind === 'read') {
      await replaceExternalBusy(
        tx,
        calendarId,
        row.userId,
        outcome.busy.busy.map((b) => ({
          key: b.key,
          startsAt: new Date(b.startMs),
          endsAt: new Date(b.endMs),
          title: b.title.slice(0, 300),
          tentative: b.tentative,
        })),
      );
      await announceCalendarChange(tx, row.userId);
    }
    await updateExternalCalendar(tx, calendarId, {
      lastReadAt: now,
      failures,
      ...(outcome.kind === 'failed'
        ? { lastError: outcome.error }
        : {
            lastError: null,
            lastOkAt: now,
            etag: outcome.etag,
            lastModified: outcome.lastModified,
            ...(outcome.kind === 'read' ? { busyCount: outcome.busy.busy.length } : {}),
          }),
    });
    // One chain of periodic reads: an extra read restarts it only if it has broken.
    const chainGoesOn =
      !periodic &&
      (await hasPendingJob(tx, CALENDAR_REFRESH_JOB, { calendarId, periodic: 'true' }));
    if (!chainGoesOn) {
      await insertJob(tx, refreshJob(calendarId, new Date(now.getTime() + wait), 'next'));
    }
  });
}

/** The most days of outside busy times one request reads (a week view asks for seven). */
const MAX_BUSY_DAYS = 62;

/** The mentor's own busy times from their calendars, with titles: theirs alone to see. */
export async function listMyOutsideBusy(
  ctx: ServiceContext,
  actor: Actor,
  range: { from: Date; to: Date },
) {
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  if (days <= 0 || days > MAX_BUSY_DAYS) {
    throw invalidField('query.to', `must be after from, at most ${MAX_BUSY_DAYS} days later`);
  }
  return listExternalBusyOfMentors(ctx.db, [actor.userId], range.from, range.to);
}
