import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';

/** The text/calendar part of an email, if it has one. */
export function calendarPart(mail: ParsedMail): string | null {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return part ? part.content.toString('utf8') : null;
}

/** An invitation read back with ical.js: what a calendar takes from it. */
export function readInvitation(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  const mailto = (v: unknown) => String(v).replace(/^mailto:/i, '');
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    startsAt: event.startDate.toJSDate().toISOString(),
    endsAt: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    location: event.location,
    url: vevent.getFirstPropertyValue('url'),
    organizer: mailto(event.organizer),
    attendees: event.attendees.map((a) => ({
      email: mailto(a.getFirstValue()),
      partstat: a.getParameter('partstat'),
    })),
  };
}
