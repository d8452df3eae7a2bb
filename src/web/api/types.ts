/**
 * Friendly names for the API's shapes, all derived from the generated
 * OpenAPI types (src/web/api/schema.ts, `npm run api:generate`): when a
 * route's schema changes, these change with it and the compiler finds every
 * place in the web app that needs to follow. Instants are ISO 8601 strings.
 */
import type { components, paths } from './schema.ts';

type Schemas = components['schemas'];
type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;
type Success<R> = R extends { 200: infer C }
  ? Json<C>
  : R extends { 201: infer C }
    ? Json<C>
    : never;

/** The success body of an operation, e.g. `ResponseOf<'/api/orgs/{orgId}/bookings', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? Success<R>
  : never;

/** The paths that answer GET. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: unknown } ? P : never;
}[keyof paths];

/** The JSON body an operation takes. */
export type RequestOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? Json<NonNullable<B>>
  : never;

// Who is signed in
export type SessionUser = Schemas['Me'];
export type SessionOrganisation = SessionUser['organisations'][number];
/** Who is signed in, if anyone (a token-authenticated caller has no CSRF token). */
export type SessionResponse = ResponseOf<'/api/auth/session', 'get'>;
/** A sign-in session of mine (a browser), not a mentoring session. */
export type AuthSession = ResponseOf<'/api/auth/sessions', 'get'>['sessions'][number];
export type ApiToken = ResponseOf<'/api/auth/tokens', 'get'>['tokens'][number];
export type ApiTokenScope = ApiToken['scope'];
export type NewApiToken = ResponseOf<'/api/auth/tokens', 'post'>;

// People and organisations
export type Profile = Schemas['Profile'];
export type ProfileChanges = RequestOf<'/api/me/profile', 'patch'>;
export type Organisation = Schemas['Organisation'];
export type OrgRole = Organisation['role'];
export type Member = Schemas['Member'];
export type ProgramMembership = Member['programs'][number];
export type ProgramRole = ProgramMembership['role'];
export type MemberDetail = ResponseOf<'/api/orgs/{orgId}/members/{userId}', 'get'>;
export type Invitation = ResponseOf<'/api/orgs/{orgId}/invitations', 'get'>['invitations'][number];
export type InvitationPreview = ResponseOf<'/api/invitations/{token}', 'get'>;
export type InvitationStatus = InvitationPreview['status'];
export type AuditEvent = ResponseOf<'/api/orgs/{orgId}/audit', 'get'>['events'][number];

// Programs and groups
export type Program = Schemas['Program'];
export type ProgramMode = Program['mode'];
export type ProgramSummary = ResponseOf<'/api/orgs/{orgId}/programs', 'get'>['programs'][number];
export type ProgramDetail = ResponseOf<'/api/orgs/{orgId}/programs/{programId}', 'get'>;
/** An active pairing of a mentor with a mentee in a matched program. */
export type Match = ResponseOf<
  '/api/orgs/{orgId}/programs/{programId}/matches',
  'get'
>['matches'][number];
export type Group = Schemas['Group'];
export type GroupSummary = ResponseOf<'/api/orgs/{orgId}/groups', 'get'>['groups'][number];
export type GroupDetail = ResponseOf<'/api/orgs/{orgId}/groups/{groupId}', 'get'>;

// Availability and mentors
/** A mentor's own schedule, one for every program they mentor in. */
export type Availability = Schemas['Availability'];
/** What a mentor sets for their schedule, without the date overrides. */
export type AvailabilitySettings = Omit<Availability, 'overrides'>;
export type WeeklyHours = Availability['weekly'][number];
/** Other hours on one date in the mentor's zone; no ranges = a day off. */
export type DateOverride = Availability['overrides'][number];
export type Slot = Schemas['Slot'];
export type SlotsResponse = ResponseOf<'/api/orgs/{orgId}/mentors/{mentorId}/slots', 'get'>;
/** How a mentor answers bookings; both figures are null until there is something to count. */
export type MentorReputation = Schemas['Reputation'];
export type MentorSummary = ResponseOf<'/api/orgs/{orgId}/mentors', 'get'>['mentors'][number];
export type SessionType = Schemas['SessionType'];
/** An amount in the currency's minor unit (cents), never a float. */
export type Money = NonNullable<SessionType['price']>;

// Sessions (mentoring sessions, not sign-in sessions)
export type Session = Schemas['Session'];
export type SessionStatus = Session['status'];
export type Enrollment = Session['enrollment'];
export type NewSessionInput = RequestOf<'/api/orgs/{orgId}/sessions', 'post'>;
export type SessionInput = Omit<NewSessionInput, 'programId' | 'mentorId'>;

// Bookings
/** A mentee's request for time with a mentor, from pending to its end. */
export type Booking = Schemas['Booking'];
export type BookingStatus = Booking['status'];
export type BookingDetail = ResponseOf<'/api/orgs/{orgId}/bookings/{bookingId}', 'get'>;
export type BookingHistoryEntry = BookingDetail['history'][number];
/** What a mentor sees on a request: the mentee's record and clashes with their calendar. */
export type PendingBooking = ResponseOf<'/api/me/pending-bookings', 'get'>['bookings'][number];
export type BookingConflict = PendingBooking['conflicts'][number];
export type NewBookingInput = RequestOf<'/api/orgs/{orgId}/bookings', 'post'>;

// Messages and the rest
export type Notification = Schemas['Notification'];
export type Thread = Schemas['Thread'];
export type Message = Schemas['Message'];
export type MessageRequest = Schemas['MessageRequest'];
export type Attachment = Schemas['Attachment'];
export type MentorshipRequest = Schemas['MentorshipRequest'];
export type Delivery = Schemas['Delivery'];
export type ApiErrorBody = Schemas['Error'];
export type VideoSettings = ResponseOf<'/api/orgs/{orgId}/video', 'get'>;
export type NotificationPreferences = ResponseOf<'/api/me/notification-preferences', 'get'>;
export type MemberImportReport = Schemas['MemberImportReport'];
export type MemberImport = Schemas['MemberImport'];
