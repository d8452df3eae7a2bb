import { describe, expect, it } from 'vitest';
import { busyFromIcs } from './calendar-busy.ts';

const calendar = (...events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Confer tests//EN',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const event = (lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

const iso = (ms: number) => new Date(ms).toISOString();
const window = (from: string, to: string, timeZone = 'Europe/London') => ({
  fromMs: Date.parse(from),
  toMs: Date.parse(to),
  timeZone,
});
const read = (text: string, opts: ReturnType<typeof window> & { tentativeIsBusy?: boolean }) => {
  const result = busyFromIcs(text, opts);
  if (!result.ok) throw new Error(result.problem);
  return result.busy.map((b) => `${iso(b.startMs)}–${iso(b.endMs)} ${b.title}`);
};

describe('busy times of an iCalendar feed', () => {
  it('expands a weekly meeting within the window, skipping a cancelled week and moving an occurrence', () => {
    const feed = calendar(
      event([
        'UID:standup@example.com',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Team standup',
        'DTSTART;TZID=Europe/London:20270104T100000',
        'DTEND;TZID=Europe/London:20270104T110000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO',
        'EXDATE;TZID=Europe/London:20270118T100000',
      ]),
      // The 25 January occurrence moved to Tuesday afternoon.
      event([
        'UID:standup@example.com',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Team standup (moved)',
        'RECURRENCE-ID;TZID=Europe/London:20270125T100000',
        'DTSTART;TZID=Europe/London:20270126T150000',
        'DTEND;TZID=Europe/London:20270126T160000',
      ]),
      // And the 1 February one cancelled through an override.
      event([
        'UID:standup@example.com',
        'DTSTAMP:20270101T000000Z',
        'RECURRENCE-ID;TZID=Europe/London:20270201T100000',
        'DTSTART;TZID=Europe/London:20270201T100000',
        'DTEND;TZID=Europe/London:20270201T110000',
        'STATUS:CANCELLED',
      ]),
    );
    expect(read(feed, window('2027-01-10T00:00:00Z', '2027-02-10T00:00:00Z'))).toEqual([
      '2027-01-11T10:00:00.000Z–2027-01-11T11:00:00.000Z Team standup',
      '2027-01-26T15:00:00.000Z–2027-01-26T16:00:00.000Z Team standup (moved)',
      '2027-02-08T10:00:00.000Z–2027-02-08T11:00:00.000Z Team standup',
    ]);
  });

  it('keeps a New York meeting at 09:00 New York across the change to summer time there', () => {
    const feed = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'END:VTIMEZONE',
      event([
        'UID:ny@example.com',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:NY sync',
        'DTSTART;TZID=America/New_York:20270308T090000',
        'DTEND;TZID=America/New_York:20270308T093000',
        'RRULE:FREQ=WEEKLY;COUNT=3',
      ]),
    );
    // New York springs forward on 14 March 2027; London not until the 28th.
    expect(read(feed, window('2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z'))).toEqual([
      '2027-03-08T14:00:00.000Z–2027-03-08T14:30:00.000Z NY sync',
      '2027-03-15T13:00:00.000Z–2027-03-15T13:30:00.000Z NY sync',
      '2027-03-22T13:00:00.000Z–2027-03-22T13:30:00.000Z NY sync',
    ]);
  });

  it('places all-day and floating events on the mentor’s clock, and a several-day trip whole', () => {
    const feed = calendar(
      event([
        'UID:holiday',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Holiday',
        'DTSTART;VALUE=DATE:20270310',
      ]),
      event([
        'UID:trip',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Conference trip',
        'DTSTART;VALUE=DATE:20270315',
        'DTEND;VALUE=DATE:20270318',
      ]),
      event([
        'UID:floating',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Dentist',
        'DTSTART:20270320T083000',
        'DTEND:20270320T090000',
      ]),
    );
    expect(
      read(feed, window('2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z', 'Asia/Tokyo')),
    ).toEqual([
      '2027-03-09T15:00:00.000Z–2027-03-10T15:00:00.000Z Holiday',
      '2027-03-14T15:00:00.000Z–2027-03-17T15:00:00.000Z Conference trip',
      '2027-03-19T23:30:00.000Z–2027-03-20T00:00:00.000Z Dentist',
    ]);
  });

  it('skips free and cancelled events, and tentative ones when the mentor asks', () => {
    const feed = calendar(
      event([
        'UID:free',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Focus time (free)',
        'DTSTART:20270302T090000Z',
        'DTEND:20270302T100000Z',
        'TRANSP:TRANSPARENT',
      ]),
      event([
        'UID:gone',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Cancelled review',
        'DTSTART:20270302T110000Z',
        'DTEND:20270302T120000Z',
        'STATUS:CANCELLED',
      ]),
      event([
        'UID:maybe',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Maybe lunch',
        'DTSTART:20270302T120000Z',
        'DTEND:20270302T130000Z',
        'STATUS:TENTATIVE',
      ]),
    );
    const range = window('2027-03-01T00:00:00Z', '2027-03-05T00:00:00Z');
    expect(read(feed, range)).toEqual([
      '2027-03-02T12:00:00.000Z–2027-03-02T13:00:00.000Z Maybe lunch',
    ]);
    expect(read(feed, { ...range, tentativeIsBusy: false })).toEqual([]);
  });

  it('reads a zone the feed defines itself (an Outlook Windows name)', () => {
    const feed = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      event([
        'UID:outlook',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Board',
        'DTSTART;TZID=W. Europe Standard Time:20270405T140000',
        'DTEND;TZID=W. Europe Standard Time:20270405T150000',
      ]),
    );
    expect(read(feed, window('2027-04-01T00:00:00Z', '2027-04-10T00:00:00Z'))).toEqual([
      '2027-04-05T12:00:00.000Z–2027-04-05T13:00:00.000Z Board',
    ]);
  });

  it('says what is wrong with something that is not a calendar', () => {
    const result = busyFromIcs(
      '<html>Sign in to Google</html>',
      window('2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z'),
    );
    expect(result.ok).toBe(false);
  });

  it('cuts a runaway feed at the most it keeps, and says so', () => {
    const feed = calendar(
      event([
        'UID:every-minute',
        'DTSTAMP:20270101T000000Z',
        'SUMMARY:Spam',
        'DTSTART:20270101T000000Z',
        'DTEND:20270101T000100Z',
        'RRULE:FREQ=MINUTELY',
      ]),
    );
    const result = busyFromIcs(feed, {
      ...window('2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z'),
      maxBusy: 100,
    });
    expect(result.ok && result.busy.length).toBe(100);
    expect(result.ok && result.truncated).toBe(true);
  });
});
