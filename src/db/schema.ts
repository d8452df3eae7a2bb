import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookingStatuses } from '../core/booking-machine.ts';
import { deliveryChannels, deliveryStatuses } from '../core/delivery.ts';
import { requestKinds, requestStatuses } from '../core/mentorship-requests.ts';
import { messageRequestStatuses } from '../core/messaging.ts';
import { emailModes, notificationKinds } from '../core/notification-preferences.ts';
import { orgRoles, programModes, programRoles } from '../core/roles.ts';
import { attendanceOutcomes } from '../core/session-attendance.ts';
import { enrollmentMethods, sessionStatuses } from '../core/session-rules.ts';
import { outboxTopics } from '../core/topics.ts';
import { videoProviderNames } from '../core/video-providers.ts';

/*
 * The Drizzle schema. SQL migrations in ./migrations are generated from it
 * (`npx drizzle-kit generate`) plus hand-written ones for what Drizzle cannot
 * express (extensions, exclusion constraints). Instants are `timestamptz`.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Full-text search document; only ever written by PostgreSQL (a generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Key/value facts about the database itself, e.g. `kind` = demo | test | production. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/**
 * How an organisation's sessions meet (chosen by an admin). Zoom's client
 * secret is AES-256-GCM ciphertext under SECRETS_KEY, never plain text.
 */
export const orgVideoSettings = pgTable('org_video_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  provider: text('provider', { enum: videoProviderNames }).notNull(),
  zoomAccountId: text('zoom_account_id'),
  zoomClientId: text('zoom_client_id'),
  zoomClientSecretSealed: text('zoom_client_secret_sealed'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    bio: text('bio').notNull().default(''),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    shortTermGoals: text('short_term_goals').notNull().default(''),
    longTermGoals: text('long_term_goals').notNull().default(''),
    timeZone: text('time_zone').notNull().default('UTC'),
    location: text('location').notNull().default(''),
    photoKey: text('photo_key'),
    /** minutes before an approved session to be reminded; null for the default (24 h and 1 h) */
    reminderMinutes: integer('reminder_minutes').array(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Directory search: name and skills as words (prefixes match), the rest as
     * English text. `confer_words` is an immutable `array_to_string` (0011).
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, "name"), 'A') || setweight(to_tsvector('simple'::regconfig, confer_words("skills")), 'A') || setweight(to_tsvector('english'::regconfig, "bio" || ' ' || "short_term_goals" || ' ' || "long_term_goals" || ' ' || "location"), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_search_idx').using('gin', t.searchVector),
    // People lists go by name, a page at a time.
    index('users_name_idx').on(t.name, t.id),
  ],
);

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: orgRoles }).notNull(),
    createdAt: createdAt(),
    /** set while an admin has deactivated the member: no access, no bookings (issue #13) */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('org_members_user_idx').on(t.userId),
    check('org_members_role_check', sql`${t.role} in ('admin', 'member')`),
  ],
);

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    mode: text('mode', { enum: programModes }).notNull(),
    /** unanswered bookings expire after this many days (or at their start) */
    expiryDays: integer('expiry_days').notNull().default(7),
    /** cancelling an approved booking closer than this to its start is late */
    lateCancelHours: integer('late_cancel_hours').notNull().default(24),
    /** an approved session can move until this long before it starts, to a time at least this far ahead */
    moveNoticeHours: integer('move_notice_hours').notNull().default(24),
    /** how many times one approved session may move */
    maxMoves: integer('max_moves').notNull().default(2),
    /** whether a mentor's "approve automatically" applies to bookings in this program */
    autoApproveAllowed: boolean('auto_approve_allowed').notNull().default(true),
    /** whether paid session types may be booked in this program */
    pricesAllowed: boolean('prices_allowed').notNull().default(true),
    /** a cohort's first and last day (in the mentor's zone): sessions only between them */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('programs_org_idx').on(t.orgId),
    check('programs_mode_check', sql`${t.mode} in ('matched', 'a_la_carte')`),
    check('programs_cohort_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const programMembers = pgTable(
  'program_members',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: programRoles }).notNull(),
    /** a mentor's most active matches in a matched program; null: no limit */
    matchCapacity: integer('match_capacity'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.userId] }),
    index('program_members_user_idx').on(t.userId),
    check('program_members_role_check', sql`${t.role} in ('mentor', 'mentee')`),
    check(
      'program_members_capacity_check',
      sql`${t.matchCapacity} is null or ${t.matchCapacity} >= 0`,
    ),
  ],
);

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('groups_org_name_key').on(t.orgId, sql`lower(${t.name})`)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_members_user_idx').on(t.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: orgRoles }).notNull(),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    programRole: text('program_role', { enum: programRoles }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('invitations_org_idx').on(t.orgId),
    check('invitations_role_check', sql`${t.role} in ('admin', 'member')`),
    check(
      'invitations_program_role_check',
      sql`(${t.programId} is null) = (${t.programRole} is null)`,
    ),
  ],
);

/**
 * Issue #13: a members import in progress or done. The checked rows wait in
 * member_import_rows and are imported a batch per transaction (a job each),
 * `processed` counting the rows committed, so a crash resumes where it stopped.
 */
export const memberImports = pgTable(
  'member_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull().default(''),
    /** email each new account a link to choose a password */
    sendInvitations: boolean('send_invitations').notNull().default(false),
    /** where the emailed links point */
    origin: text('origin'),
    status: text('status', { enum: ['running', 'done'] })
      .notNull()
      .default('running'),
    totalRows: integer('total_rows').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    joined: integer('joined').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('member_imports_org_idx').on(t.orgId, t.createdAt),
    check('member_imports_status_check', sql`${t.status} in ('running', 'done')`),
  ],
);

export const memberImportRows = pgTable(
  'member_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => memberImports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    row: jsonb('row').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/**
 * Issue #13: an organisation's OpenID Connect provider. Its people sign in
 * through it; first-timers of an allowed domain get an account (no password)
 * in the default program; with `ssoOnly`, those domains may not use passwords.
 * The client secret is sealed with SECRETS_KEY (services/secret-box.ts).
 */
export const ssoProviders = pgTable('sso_providers', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  allowedDomains: text('allowed_domains').array().notNull(),
  defaultProgramId: uuid('default_program_id').references(() => programs.id, {
    onDelete: 'set null',
  }),
  defaultProgramRole: text('default_program_role', { enum: programRoles })
    .notNull()
    .default('mentee'),
  ssoOnly: boolean('sso_only').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A sign-in on its way through a provider: found again by its state (stored
 * as a hash), used once, with the nonce and PKCE verifier it was begun with.
 */
export const ssoLogins = pgTable(
  'sso_logins',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_logins_expires_idx').on(t.expiresAt)],
);

/** Browser sign-ins. The cookie holds a random token; only its SHA-256 is stored. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/**
 * Password-reset links. The email holds a random token; only its SHA-256 is
 * stored. Each works once (used_at) and until expires_at.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** Personal API tokens for `Authorization: Bearer …`. Only the SHA-256 is stored. */
/**
 * A sign-up waiting for its address to be confirmed (issue #11): the account
 * is made only when the emailed link is used, so sign-up answers the same
 * whether or not the address already has an account. The token is stored
 * only as its hash, written by the worker that emails it.
 */
export const pendingSignUps = pgTable(
  'pending_sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    passwordHash: text('password_hash').notNull(),
    tokenHash: text('token_hash').unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('pending_sign_ups_expires_idx').on(t.expiresAt)],
);

/** A change of someone's email, waiting for the new address to confirm it. */
export const emailChanges = pgTable(
  'email_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('email_changes_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** null: until revoked */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** 'read': GET/HEAD only; 'full': everything the user may do except minting tokens */
    scope: text('scope', { enum: ['full', 'read'] })
      .notNull()
      .default('full'),
  },
  (t) => [
    index('api_tokens_user_idx').on(t.userId),
    check('api_tokens_scope_check', sql`${t.scope} in ('full', 'read')`),
  ],
);

/** Who did what to whom, when and why. Written in the same transaction as the change. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_org_at_idx').on(t.orgId, t.at),
    // The audit log's pages, newest first (issue #13).
    index('audit_events_org_id_idx').on(t.orgId, t.id),
  ],
);

/** A mentor's booking rules; one schedule per mentor, used in every program they mentor in. */
export const availabilitySettings = pgTable(
  'availability_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull(),
    slotLengths: integer('slot_lengths').array().notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(720),
    horizonDays: integer('horizon_days').notNull().default(60),
    autoApprove: boolean('auto_approve').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'availability_buffers_check',
      sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`,
    ),
    check('availability_horizon_check', sql`${t.horizonDays} between 1 and 365`),
  ],
);

/** Working hours per ISO weekday (1 = Monday), minutes after local midnight; end ≤ start runs past midnight. */
export const weeklyHours = pgTable(
  'weekly_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [
    index('weekly_hours_user_idx').on(t.userId),
    check('weekly_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
    check(
      'weekly_hours_minutes_check',
      sql`${t.startMinute} between 0 and 1439 and ${t.endMinute} between 0 and 1440 and ${t.startMinute} <> ${t.endMinute}`,
    ),
  ],
);

/** Other hours on one local date in the mentor's zone; no ranges = a day off. */
export const availabilityOverrides = pgTable(
  'availability_overrides',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    ranges: jsonb('ranges').$type<{ start: number; end: number }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.date] })],
);

/**
 * A mentor's outside calendars (issue #14): an iCalendar address (Google's,
 * Outlook's or Apple's "secret address") read in the background. The address
 * is a credential: sealed with SECRETS_KEY when the server has one. What the
 * last read found is kept in `external_busy`.
 */
export const externalCalendars = pgTable(
  'external_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `sealed:` + the sealed address, or `plain:` + the address without a SECRETS_KEY */
    url: text('url').notNull(),
    /** what the mentor sees of it: the host and the end of the path */
    label: text('label').notNull(),
    tentativeIsBusy: boolean('tentative_is_busy').notNull().default(true),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    lastOkAt: timestamp('last_ok_at', { withTimezone: true }),
    lastError: text('last_error'),
    failures: integer('failures').notNull().default(0),
    busyCount: integer('busy_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('external_calendars_user_idx').on(t.userId)],
);

/** Busy times a mentor's feeds hold, cached so computing slots never waits on the network. */
export const externalBusy = pgTable(
  'external_busy',
  {
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => externalCalendars.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** the event's UID (and an occurrence's original start): stable across reads */
    key: text('key').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** shown to the mentor only */
    title: text('title').notNull().default(''),
    tentative: boolean('tentative').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.calendarId, t.key] }),
    index('external_busy_user_idx').on(t.userId, t.startsAt),
    check('external_busy_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * Published sessions (seed 002). The overlap rule for one mentor's sessions is
 * an exclusion constraint in migration 0003, not expressible here.
 */
export const mentoringSessions = pgTable(
  'mentoring_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: sessionStatuses }).notNull(),
    title: text('title').notNull().default(''),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    locationTimeZone: text('location_time_zone'),
    enrollment: text('enrollment', { enum: enrollmentMethods }).notNull(),
    meetingUrl: text('meeting_url'),
    capacity: integer('capacity').notNull().default(1),
    timeZones: text('time_zones').array().notNull().default(sql`'{}'::text[]`),
    seriesId: uuid('series_id'),
    cancelReason: text('cancel_reason'),
    /** the SEQUENCE of its calendar invitation to mentees added directly: raised by each change they are told of */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentoring_sessions_mentor_idx').on(t.mentorId, t.startsAt),
    index('mentoring_sessions_org_idx').on(t.orgId, t.startsAt),
    check(
      'mentoring_sessions_status_check',
      sql`${t.status} in ('draft', 'published', 'cancelled')`,
    ),
    check(
      'mentoring_sessions_enrollment_check',
      sql`${t.enrollment} in ('online', 'in_person', 'both')`,
    ),
    check('mentoring_sessions_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('mentoring_sessions_capacity_check', sql`${t.capacity} >= 1`),
    check(
      'mentoring_sessions_meeting_url_check',
      sql`${t.enrollment} = 'in_person' or ${t.meetingUrl} is not null`,
    ),
  ],
);

export const sessionGroups = pgTable(
  'session_groups',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => mentoringSessions.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.groupId] })],
);

/** Mentees on a session. Added directly by a mentor or admin for now; bookings add them later. */
export const sessionEnrollments = pgTable(
  'session_enrollments',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => mentoringSessions.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** after the start: whether it took place for this mentee, and who said so, when */
    outcome: text('outcome', { enum: attendanceOutcomes }),
    outcomeBy: uuid('outcome_by').references(() => users.id, { onDelete: 'set null' }),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    /** the mentee's rating after the end, once */
    stars: smallint('stars'),
    feedback: text('feedback').notNull().default(''),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.menteeId] }),
    index('session_enrollments_mentee_idx').on(t.menteeId),
    check('session_enrollments_stars_check', sql`${t.stars} between 1 and 5`),
  ],
);

/** A mentor–mentee pair in a matched program, made by an admin; ended, never deleted. */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('matches_active_pair_key')
      .on(t.programId, t.mentorId, t.menteeId)
      .where(sql`${t.endedAt} is null`),
    index('matches_mentee_idx').on(t.menteeId),
  ],
);

/**
 * A mentee's booking of a mentor's time: a free slot, a published session, or
 * a time of their own. Overlap rules (one mentor, one mentee) are exclusion
 * constraints in migration 0006.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => mentoringSessions.id, { onDelete: 'set null' }),
    sessionTypeId: uuid('session_type_id').references(() => sessionTypes.id, {
      onDelete: 'set null',
    }),
    priceMinor: integer('price_minor').notNull().default(0),
    currency: text('currency'),
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    status: text('status', { enum: bookingStatuses }).notNull(),
    awaiting: text('awaiting', { enum: ['mentor', 'mentee'] }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    message: text('message').notNull().default(''),
    meetingUrl: text('meeting_url'),
    /** which provider made `meeting_url` (jitsi, zoom, …) and its id there, so update and delete reach it */
    meetingProvider: text('meeting_provider'),
    meetingExternalId: text('meeting_external_id'),
    reason: text('reason'),
    round: integer('round').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /**
     * An approved session's open move (issue #12): the new time asked for, by
     * whom and why. Both times are held meanwhile: the no-overlap constraints
     * cover the booking's time and this one (migration 0024).
     */
    moveStartsAt: timestamp('move_starts_at', { withTimezone: true }),
    moveEndsAt: timestamp('move_ends_at', { withTimezone: true }),
    moveBy: text('move_by', { enum: ['mentor', 'mentee'] }),
    moveReason: text('move_reason'),
    /** how many times the approved session has moved (a program allows so many) */
    moves: integer('moves').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    /** when the mentor first answered (approved, rejected or suggested a time): Reports' answer times */
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_mentor_idx').on(t.mentorId, t.startsAt),
    index('bookings_mentee_idx').on(t.menteeId, t.startsAt),
    index('bookings_session_idx').on(t.sessionId),
    // Reports (issue #13): an organisation's bookings by session time, and by request time,
    // each with the columns its reports read, so a period is counted from the index alone.
    index('bookings_org_starts_idx').on(
      t.orgId,
      t.startsAt,
      t.status,
      t.programId,
      t.menteeId,
      t.mentorId,
      t.id,
    ),
    index('bookings_org_created_idx').on(
      t.orgId,
      t.createdAt,
      t.status,
      t.lateCancellation,
      t.programId,
      t.menteeId,
      t.firstAnsweredAt,
    ),
    uniqueIndex('bookings_idempotency_key').on(t.menteeId, t.idempotencyKey),
    check('bookings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('bookings_awaiting_check', sql`(${t.status} = 'pending') = (${t.awaiting} is not null)`),
    check(
      'bookings_move_check',
      sql`(${t.moveStartsAt} is null) = (${t.moveEndsAt} is null) and (${t.moveStartsAt} is null) = (${t.moveBy} is null) and (${t.moveStartsAt} is null or (${t.status} = 'approved' and ${t.moveEndsAt} > ${t.moveStartsAt}))`,
    ),
  ],
);

/** Every transition of a booking: who, from, to, why, when. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: bookingStatuses }),
    toStatus: text('to_status', { enum: bookingStatuses }).notNull(),
    reason: text('reason'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.id)],
);

/** Messages for the outside world (notifications), written in the same transaction as the change. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic', { enum: outboxTopics }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('outbox_undelivered_idx').on(t.id).where(sql`${t.deliveredAt} is null`)],
);

/** What a mentor offers: a name, a length and an optional price (integer minor units). */
export const sessionTypes = pgTable(
  'session_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    priceMinor: integer('price_minor').notNull().default(0),
    currency: text('currency').notNull().default('EUR'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('session_types_mentor_idx').on(t.mentorId),
    check('session_types_price_check', sql`${t.priceMinor} >= 0`),
    check('session_types_duration_check', sql`${t.durationMinutes} between 5 and 1440`),
  ],
);

/**
 * Money movements of a booking. One row per kind per booking: a retried
 * refund hits the unique key instead of paying twice.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['hold', 'capture', 'refund'] }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    providerRef: text('provider_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_entries_booking_kind_key').on(t.bookingId, t.kind),
    check('ledger_entries_kind_check', sql`${t.kind} in ('hold', 'capture', 'refund')`),
  ],
);

export const bookingRatings = pgTable(
  'booking_ratings',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['mentor', 'mentee'] }).notNull(),
    raterId: uuid('rater_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stars: smallint('stars').notNull(),
    feedback: text('feedback').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.side] }),
    check('booking_ratings_stars_check', sql`${t.stars} between 1 and 5`),
  ],
);

/**
 * Durable background work (expiry, reminders). Workers claim due rows with
 * FOR UPDATE SKIP LOCKED and mark them done in the same transaction as the
 * work, so each job runs once however many instances poll.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`${t.doneAt} is null`),
    // "Is one already pending?" (a message batch, a digest) reads only the few pending of a kind.
    index('jobs_pending_kind_idx').on(t.kind).where(sql`${t.doneAt} is null`),
  ],
);

/**
 * What someone chose to receive for one kind of event; no row means the
 * default (in the app and by email at once).
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    inApp: boolean('in_app').notNull(),
    email: text('email', { enum: emailModes }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_email_check', sql`${t.email} in ('immediate', 'daily', 'off')`),
  ],
);

/** A secret address per person for subscribing to their sessions from a calendar app. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/** In-app notifications (the bell), made from outbox rows by the delivery worker. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** shown in the bell: off when its person turned the app off for its kind (email may still go) */
    inApp: boolean('in_app').notNull().default(true),
    /** how it is emailed, as its person chose when it was made (src/core/notification-preferences.ts) */
    email: text('email', { enum: emailModes }).notNull().default('immediate'),
    /** when it went out by email in a daily digest */
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_digest_idx')
      .on(t.userId, t.id)
      .where(sql`${t.email} = 'daily' and ${t.digestedAt} is null`),
    check('notifications_email_check', sql`${t.email} in ('immediate', 'daily', 'off')`),
    uniqueIndex('notifications_outbox_user_key').on(t.outboxId, t.userId),
  ],
);

/**
 * One notification over one channel besides the app (email), delivered on its
 * own: claimed with a lease, sent outside any transaction, each attempt's
 * outcome recorded (src/core/delivery.ts has the statuses and retry policy).
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** null for an account email (a password reset), which is no in-app notification */
    notificationId: bigint('notification_id', { mode: 'number' }).references(
      () => notifications.id,
      { onDelete: 'cascade' },
    ),
    /** an account email's recipient (`Name <address>`); a notification's comes from its user */
    toAddress: text('to_address'),
    channel: text('channel', { enum: deliveryChannels }).notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull().default('queued'),
    /** sends started, counted when claimed: a send that crashed counts too */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** while sending: when another worker may take it over (the sender crashed) */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** the server's answer to the last failed attempt */
    lastError: text('last_error'),
    /** fixed at the first claim, so every retry carries the same Message-ID */
    messageId: text('message_id').unique(),
    /** the email as written for its reader at the first claim, resent unchanged: the Mailbox shows it */
    subject: text('subject'),
    bodyText: text('body_text'),
    bodyHtml: text('body_html'),
    /** the iTIP invitation (text/calendar, METHOD inside) the email carries, if any, written with it */
    calendar: text('calendar'),
    /** RFC 8058 one-click unsubscribe address (List-Unsubscribe), for emails that can be switched off */
    unsubscribeUrl: text('unsubscribe_url'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('deliveries_notification_channel_key').on(t.notificationId, t.channel),
    index('deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying')`),
    index('deliveries_lease_idx').on(t.leaseUntil).where(sql`${t.status} = 'sending'`),
    index('deliveries_status_idx').on(t.status, t.id),
    check(
      'deliveries_status_check',
      sql`${t.status} in ('queued', 'sending', 'sent', 'retrying', 'failed')`,
    ),
    check('deliveries_channel_check', sql`${t.channel} in ('email')`),
    // An account email is written whole when queued: it has its address and its content.
    check(
      'deliveries_recipient_check',
      sql`${t.notificationId} is not null or (${t.toAddress} is not null and ${t.subject} is not null)`,
    ),
  ],
);

/**
 * Mentorship requests (seed 001): an offer to mentor (mentor → mentee) or a
 * session request (mentee → mentor), through a program both belong to.
 */
export const mentorshipRequests = pgTable(
  'mentorship_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: requestKinds }).notNull(),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: requestStatuses }).notNull().default('pending'),
    /** what accepted it: a booking, a session request, a session */
    acceptedVia: text('accepted_via'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentorship_requests_receiver_idx').on(t.receiverId, t.createdAt),
    index('mentorship_requests_sender_idx').on(t.senderId, t.createdAt),
    index('mentorship_requests_pair_idx').on(t.senderId, t.receiverId, t.kind),
    check('mentorship_requests_kind_check', sql`${t.kind} in ('offer', 'session_request')`),
    check(
      'mentorship_requests_status_check',
      sql`${t.status} in ('pending', 'dismissed', 'accepted', 'withdrawn')`,
    ),
    check('mentorship_requests_not_self', sql`${t.senderId} <> ${t.receiverId}`),
  ],
);

/** Every step of a mentorship or message request: who, when, from what to what. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestType: text('request_type', { enum: ['mentorship', 'message'] }).notNull(),
    requestId: uuid('request_id').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: [...requestStatuses, ...messageRequestStatuses] }),
    toStatus: text('to_status', {
      enum: [...requestStatuses, ...messageRequestStatuses],
    }).notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_events_request_idx').on(t.requestType, t.requestId)],
);

/**
 * A conversation between two people: a booking's thread (mentor and mentee)
 * or a direct one (the pair in id order, one per organisation).
 */
export const threads = pgTable(
  'threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['booking', 'direct'] }).notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    userA: uuid('user_a')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userB: uuid('user_b')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('threads_booking_key').on(t.bookingId),
    uniqueIndex('threads_direct_pair_key')
      .on(t.orgId, t.userA, t.userB)
      .where(sql`${t.kind} = 'direct'`),
    index('threads_user_a_idx').on(t.userA),
    index('threads_user_b_idx').on(t.userB),
    check('threads_kind_check', sql`${t.kind} in ('booking', 'direct')`),
    check(
      'threads_shape_check',
      sql`(${t.kind} = 'booking' and ${t.bookingId} is not null) or (${t.kind} = 'direct' and ${t.bookingId} is null and ${t.userA} < ${t.userB})`,
    ),
  ],
);

/** How far each participant has read a thread (unread counts). */
export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
    /** the last message read, by `messages.seq` (timestamps can tie) */
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    /** the last message already emailed to this participant (message emails are batched) */
    emailedSeq: bigint('emailed_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull().default(''),
    createdAt: createdAt(),
    /** order of arrival, for unread counts */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('messages_thread_idx').on(t.threadId, t.createdAt),
    check('messages_body_length', sql`char_length(${t.body}) <= 10000`),
  ],
);

/** A file sent with a message, stored through FileStorage under `storageKey`. */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('message_attachments_message_idx').on(t.messageId)],
);

/** A first direct message to someone who is not a connection (seed 003). */
export const messageRequests = pgTable(
  'message_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: messageRequestStatuses }).notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('message_requests_receiver_idx').on(t.receiverId, t.status),
    index('message_requests_sender_idx').on(t.senderId, t.status),
    // One open request per conversation.
    uniqueIndex('message_requests_pending_key').on(t.threadId).where(sql`${t.status} = 'pending'`),
    check('message_requests_status_check', sql`${t.status} in ('pending', 'accepted', 'rejected')`),
  ],
);

/** Two people who may message each other freely; stored once, smaller id first. */
export const connections = pgTable(
  'connections',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userA: uuid('user_a')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userB: uuid('user_b')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageRequestId: uuid('message_request_id').references(() => messageRequests.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userA, t.userB] }),
    index('connections_user_b_idx').on(t.userB),
    check('connections_order_check', sql`${t.userA} < ${t.userB}`),
  ],
);

/**
 * Each mentor's responsiveness over the last 90 days (approval rate, median
 * time to answer), refreshed by the worker, so the directory can rank every
 * mentor by it in SQL. Badges show figures computed on the spot.
 */
export const mentorStats = pgTable('mentor_stats', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  approvalRate: doublePrecision('approval_rate'),
  medianResponseMinutes: doublePrecision('median_response_minutes'),
  decided: integer('decided').notNull().default(0),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/**
 * One Idempotency-Key of one user: the first request with it claims the row
 * (in progress, leased until `locked_until`); its answer is stored when it is
 * done, and every retry with the same key gets that answer back, status and
 * body, until `expires_at`. A request with the key but another method, path
 * or body (`fingerprint`) is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    fingerprint: text('fingerprint').notNull(),
    state: text('state', { enum: ['in_progress', 'done'] }).notNull(),
    /** which attempt holds the claim: only it may store the answer or let go */
    token: uuid('token').notNull(),
    responseStatus: integer('response_status'),
    responseType: text('response_type'),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    check('idempotency_keys_state_check', sql`${t.state} in ('in_progress', 'done')`),
  ],
);

/**
 * Fixed-window counters shared by every server instance (sign-in failures,
 * sign-ups, messages, uploads per address or account). One upsert per hit;
 * rows past `expires_at` are purged by the worker.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limits_expires_idx').on(t.expiresAt),
  ],
);
