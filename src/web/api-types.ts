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

export type Profile = {
  id: string;
  name: string;
  bio: string;
  skills: string[];
  shortTermGoals: string;
  longTermGoals: string;
  timeZone: string;
  location: string;
  hasPhoto: boolean;
  photoUrl: string | null;
  updatedAt: string;
};

export type ProfileChanges = Partial<
  Pick<
    Profile,
    'name' | 'bio' | 'skills' | 'shortTermGoals' | 'longTermGoals' | 'timeZone' | 'location'
  >
>;

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };
export type NewApiToken = ApiToken & { token: string };

export type AuthSession = {
  id: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
};

export type Organisation = { id: string; name: string; role: OrgRole; createdAt: string };

export type ProgramMembership = { programId: string; role: ProgramRole };

export type Member = {
  userId: string;
  name: string;
  email: string;
  timeZone: string;
  location: string;
  hasPhoto: boolean;
  photoUrl: string | null;
  role: OrgRole;
  joinedAt: string;
  programs: ProgramMembership[];
  groupIds: string[];
};

export type MemberDetail = {
  profile: Profile;
  role: OrgRole;
  programs: ProgramMembership[];
  groupIds: string[];
};

export type Program = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  mode: ProgramMode;
  createdAt: string;
  archivedAt: string | null;
};

export type ProgramSummary = Program & { mentorCount: number; menteeCount: number };

export type ProgramDetail = Program & {
  members: { userId: string; name: string; role: ProgramRole; timeZone: string }[];
};

export type Group = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  createdAt: string;
};

export type GroupSummary = Group & { memberCount: number };
export type GroupDetail = Group & { members: { userId: string; name: string }[] };

export type Invitation = {
  id: string;
  email: string;
  role: OrgRole;
  programId: string | null;
  programRole: ProgramRole | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  invitedByName: string | null;
};

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
