import { createEvent, createEvents, type EventAttributes } from 'ics';
import type { InvitationMethod } from '../core/invitations.ts';

/** An event as calendars need it: instants in UTC. */
export type CalendarEvent = {
  uid: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  url: string | null;
  location: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
};

/** `YYYYMMDDTHHMMSSZ`, the form Google and Yahoo take. */
const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Add-to-calendar links (seed 004: Google, Yahoo, and Outlook). */
export function calendarLinks(e: CalendarEvent) {
  const details = [e.description, e.url].filter(Boolean).join('\n');
  const location = e.url ?? e.location;
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${compact(e.startsAt)}/${compact(e.endsAt)}`,
    details,
    location,
  }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: e.startsAt.toISOString(),
    enddt: e.endsAt.toISOString(),
    body: details,
    location,
  }).toString();
  const yahoo = new URL('https://calendar.yahoo.com/');
  yahoo.search = new URLSearchParams({
    v: '60',
    title: e.title,
    st: compact(e.startsAt),
    et: compact(e.endsAt),
    desc: details,
    in_loc: location,
  }).toString();
  return { google: google.href, outlook: outlook.href, yahoo: yahoo.href };
}

/** The VEVENT's fields, the same for a download, the feed and an invitation. */
function eventAttributes(e: CalendarEvent) {
  return {
    uid: e.uid,
    title: e.title,
    description: e.description,
    start: e.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: e.status,
    location: e.location || undefined,
    ...(e.url ? { url: e.url } : {}),
  } satisfies EventAttributes;
}

/** An iCalendar file with one VEVENT, built by the `ics` library. */
export function icsFile(e: CalendarEvent): string {
  const { error, value } = createEvent({ ...eventAttributes(e), productId: 'confer' });
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return value;
}

/** Who an invitation is from and for. */
export type InvitationPeople = {
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

/**
 * An iTIP invitation (RFC 5546) for one event: METHOD:REQUEST for a new or
 * changed event, METHOD:CANCEL (STATUS:CANCELLED) to take it out of the
 * calendar. Calendars match updates by UID and keep the highest SEQUENCE, so
 * `sequence` must grow with every change they must see.
 */
export function icsInvitation(
  e: CalendarEvent,
  method: InvitationMethod,
  sequence: number,
  people: InvitationPeople,
): string {
  const { error, value } = createEvent({
    ...eventAttributes({ ...e, status: method === 'CANCEL' ? 'CANCELLED' : e.status }),
    productId: 'confer',
    method,
    sequence,
    organizer: people.organizer,
    attendees: [
      {
        ...people.attendee,
        role: 'REQ-PARTICIPANT',
        // the mentee asked for this very session: nothing is left for them to answer
        partstat: 'ACCEPTED',
        rsvp: false,
      },
    ],
  });
  if (error || !value) throw error ?? new Error('could not build the invitation');
  return value;
}

/** A whole calendar (a subscription feed): one VEVENT per event. */
export function icsCalendar(name: string, events: CalendarEvent[]): string {
  const { error, value } = createEvents(events.map(eventAttributes), {
    calName: name,
    productId: 'confer',
  });
  if (error || value == null) throw error ?? new Error('could not build the calendar');
  return value;
}
