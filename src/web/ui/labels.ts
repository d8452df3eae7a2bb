import type { Enrollment, OrgRole, ProgramMode, ProgramRole, SessionStatus } from '../api/types.ts';

/** How the API's enums read on screen. */
export const programModeLabels: Record<ProgramMode, string> = {
  matched: 'Matched',
  a_la_carte: 'À la carte',
};

export const programRoleLabels: Record<ProgramRole, string> = {
  mentor: 'Mentor',
  mentee: 'Mentee',
};

export const orgRoleLabels: Record<OrgRole, string> = { admin: 'Admin', member: 'Member' };

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
