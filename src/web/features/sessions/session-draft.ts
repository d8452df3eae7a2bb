import { wallClockAt } from '../../../core/local-time.ts';
import { isIanaTimeZone } from '../../../core/time-zones.ts';
import type { Enrollment, Session, SessionInput } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';

/** A mentor the form may create sessions for, with the programs they mentor in. */
export type MentorOption = { userId: string; name: string; timeZone: string; programIds: string[] };

/** The session form's values as typed; numbers stay text until sent. */
export type SessionDraft = {
  mentorId: string;
  programId: string;
  menteeId: string;
  title: string;
  description: string;
  date: string;
  startTime: string;
  durationMinutes: string;
  location: string;
  enrollment: Enrollment;
  meetingUrl: string;
  locationTimeZone: string;
  groupIds: string[];
  capacity: string;
  /** Comma-separated IANA zones. */
  timeZones: string;
};

export function newSessionDraft(mentor: MentorOption | undefined): SessionDraft {
  return {
    mentorId: mentor?.userId ?? '',
    programId: mentor?.programIds.length === 1 ? (mentor.programIds[0] ?? '') : '',
    menteeId: '',
    title: '',
    description: '',
    date: '',
    startTime: '',
    durationMinutes: '60',
    location: '',
    enrollment: 'online',
    meetingUrl: '',
    locationTimeZone: mentor?.timeZone ?? '',
    groupIds: [],
    capacity: '1',
    timeZones: '',
  };
}

/** An existing session's values; its date and time as the mentor's wall clock shows them. */
export function sessionDraftOf(session: Session): SessionDraft {
  const start = wallClockAt(Date.parse(session.startsAt), session.mentor.timeZone);
  return {
    mentorId: session.mentor.userId,
    programId: session.programId,
    menteeId: session.enrolled.length === 1 ? (session.enrolled[0]?.userId ?? '') : '',
    title: session.title,
    description: session.description,
    date: start.date,
    startTime: start.time,
    durationMinutes: String(session.durationMinutes),
    location: session.location,
    enrollment: session.enrollment,
    meetingUrl: session.meetingUrl ?? '',
    locationTimeZone: session.locationTimeZone ?? session.mentor.timeZone,
    groupIds: session.groupIds,
    capacity: String(session.capacity),
    timeZones: session.timeZones.join(', '),
  };
}

export function parseTimeZones(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((zone) => zone.trim())
        .filter(Boolean),
    ),
  ];
}

export const needsMeetingUrl = (enrollment: Enrollment) => enrollment !== 'in_person';
export const needsLocationZone = (enrollment: Enrollment) => enrollment !== 'online';

/**
 * The API body. `timeZone` is the mentor's: the date and start time typed are
 * their wall clock. Fields that do not apply to the enrollment are left out.
 */
export function toSessionInput(
  draft: SessionDraft,
  mentorTimeZone: string,
  publish: boolean,
): SessionInput {
  return {
    ...(draft.menteeId ? { menteeId: draft.menteeId } : {}),
    title: draft.title.trim(),
    description: draft.description.trim(),
    date: draft.date,
    startTime: draft.startTime,
    timeZone: mentorTimeZone,
    durationMinutes: Number(draft.durationMinutes),
    location: draft.location.trim(),
    ...(needsLocationZone(draft.enrollment)
      ? { locationTimeZone: draft.locationTimeZone || mentorTimeZone }
      : {}),
    enrollment: draft.enrollment,
    ...(needsMeetingUrl(draft.enrollment) ? { meetingUrl: draft.meetingUrl.trim() } : {}),
    groupIds: draft.groupIds,
    capacity: Number(draft.capacity),
    timeZones: parseTimeZones(draft.timeZones),
    publish,
  };
}

const isPositiveWhole = (text: string) => Number.isInteger(Number(text)) && Number(text) >= 1;

/** Problems to fix before sending, keyed like the server's field errors. */
export function checkSessionDraft(draft: SessionDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.mentorId) errors.mentorId = 'Choose a mentor.';
  if (!draft.programId) errors.programId = 'Choose a program.';
  if (!draft.date) errors.date = 'Choose a date.';
  if (!draft.startTime) errors.startTime = 'Choose a start time.';
  if (!isPositiveWhole(draft.durationMinutes)) errors.durationMinutes = 'must be whole minutes';
  if (!isPositiveWhole(draft.capacity)) errors.capacity = 'must be at least 1';
  if (needsMeetingUrl(draft.enrollment) && !draft.meetingUrl.trim()) {
    errors.meetingUrl = 'is needed for online sessions';
  }
  const unknown = parseTimeZones(draft.timeZones).filter((zone) => !isIanaTimeZone(zone));
  if (unknown.length > 0) errors.timeZones = `${unknown.join(', ')} is not a known time zone`;
  return errors;
}
