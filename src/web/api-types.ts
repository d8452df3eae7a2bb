import type * as generated from './api/types.ts';
/** Shapes of the Confer API's JSON responses. Instants arrive as ISO 8601 strings (UTC). */

export type OrgRole = 'admin' | 'member';
export type ProgramRole = 'mentor' | 'mentee';
export type ProgramMode = 'matched' | 'a_la_carte';

export type SessionOrganisation = { id: string; name: string; role: OrgRole };

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  hasPhoto: boolean;
  photoUrl: string | null;
  organisations: SessionOrganisation[];
};

export type SessionResponse = { user: SessionUser; csrfToken: string | null };

export type Profile = generated.Profile;

export type ProfileChanges = Partial<
  Pick<
    Profile,
    'name' | 'bio' | 'skills' | 'shortTermGoals' | 'longTermGoals' | 'timeZone' | 'location'
  >
>;

export type ApiTokenScope = 'full' | 'read';
export type ApiToken = {
  id: string;
  name: string;
  /** `read`: GET requests only */
  scope: ApiTokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};
export type NewApiToken = ApiToken & { token: string };

export type AuthSession = {
  id: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
};

export type Organisation = generated.Organisation;

export type ProgramMembership = { programId: string; role: ProgramRole };

export type Member = generated.Member;

export type MemberDetail = {
  profile: Profile;
  role: OrgRole;
  programs: ProgramMembership[];
  groupIds: string[];
};

export type Program = generated.Program;

export type ProgramSummary = Program & { mentorCount: number; menteeCount: number };

export type ProgramDetail = Program & {
  members: { userId: string; name: string; role: ProgramRole; timeZone: string }[];
};

/** An active pairing of a mentor with a mentee in a matched program. */
export type Match = {
  id: string;
  programId: string;
  mentorId: string;
  mentorName: string;
  menteeId: string;
  menteeName: string;
  createdAt: string;
};

export type Group = generated.Group;

export type GroupSummary = Group & { memberCount: number };
export type GroupDetail = Group & { members: { userId: string; name: string }[] };

export type Invitation = generated.ListedInvitation;

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export type InvitationPreview = {
  orgId: string;
  orgName: string;
  email: string;
  role: OrgRole;
  programName: string | null;
  programRole: ProgramRole | null;
  status: InvitationStatus;
  expiresAt: string;
};

export type AuditEvent = {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  at: string;
  details: Record<string, unknown>;
};

export const programModeLabels: Record<ProgramMode, string> = {
  matched: 'Matched',
  a_la_carte: 'À la carte',
};

export const programRoleLabels: Record<ProgramRole, string> = {
  mentor: 'Mentor',
  mentee: 'Mentee',
};

export const orgRoleLabels: Record<OrgRole, string> = { admin: 'Admin', member: 'Member' };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local times of day, "HH:MM" (24-hour; "24:00" allowed as an end). An end ≤ start runs past midnight. */
export type ClockRange = { start: string; end: string };
export type WeeklyHours = Availability['weekly'][number];
/** Other hours on one date in the mentor's zone; no ranges = a day off. */
export type DateOverride = Availability['overrides'][number];

/** What a mentor sets for their schedule, without the date overrides. */
export type AvailabilitySettings = Omit<Availability, 'overrides'>;

/** A mentor's own schedule, one for every program they mentor in. */
export type Availability = generated.Availability;

export type SessionStatus = 'draft' | 'published' | 'cancelled';
export type Enrollment = 'online' | 'in_person' | 'both';

/** A mentoring session a mentor (or an admin for them) created. Not the sign-in session. */
export type Session = generated.Session;

export type SessionInput = {
  menteeId?: string;
  title: string;
  description: string;
  /** Wall-clock date and time in `timeZone`. */
  date: string;
  startTime: string;
  timeZone: string;
  durationMinutes: number;
  location: string;
  locationTimeZone?: string;
  enrollment: Enrollment;
  meetingUrl?: string;
  groupIds: string[];
  capacity: number;
  timeZones: string[];
  publish: boolean;
};

export type NewSessionInput = SessionInput & { programId: string; mentorId: string };

export type MentorSummary = {
  userId: string;
  name: string;
  photoUrl: string | null;
  timeZone: string;
  location: string;
  skills: string[];
  programs: { programId: string; programName: string; mode: ProgramMode }[];
  nextSlot: { start: string; end: string } | null;
  reputation: MentorReputation;
};

/** How a mentor answers bookings; both figures are null until there is something to count. */
export type MentorReputation = {
  /** 0–1: approved among decided bookings. */
  approvalRate: number | null;
  medianResponseMinutes: number | null;
  /** How many bookings the figures are based on. */
  decided: number;
};

export type Slot = generated.Slot;

export type SlotsResponse = {
  mentor: { userId: string; name: string; timeZone: string; reputation: MentorReputation };
  viewerTimeZone: string;
  slots: Slot[];
};

export const sessionStatusLabels: Record<SessionStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
};

export const enrollmentLabels: Record<Enrollment, string> = {
  online: 'Online',
  in_person: 'In person',
  both: 'Both',
};

/** An amount in the currency's minor unit (cents), never a float. */
export type Money = { amountMinor: number; currency: string };

export type SessionType = generated.SessionType;

export type BookingStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'declined'
  | 'withdrawn'
  | 'expired'
  | 'cancelled'
  | 'completed'
  | 'no_show_mentor'
  | 'no_show_mentee';

export type BookingSide = 'mentor' | 'mentee';

/** A mentee's request for time with a mentor, from pending to its end. */
export type Booking = generated.Booking;

export type BookingHistoryEntry = {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  startsAt: string;
  endsAt: string;
  at: string;
  actorName: string | null;
};

export type BookingDetail = Booking & { history: BookingHistoryEntry[] };

export type BookingConflict = {
  kind: 'session' | 'booking' | 'outside_hours';
  title: string;
  startsAt: string;
  endsAt: string;
};

/** What a mentor sees on a request: the mentee's record and clashes with their calendar. */
export type PendingBooking = Booking & {
  menteeHistory: {
    sessions: number;
    totalSpentMinor: number;
    currency: string | null;
    averageRatingGiven: number | null;
  };
  conflicts: BookingConflict[];
};

export type NewBookingInput = {
  mentorId: string;
  startsAt: string;
  lengthMinutes: number;
  sessionTypeId?: string;
  sessionId?: string;
  ownTime?: boolean;
  message: string;
};
