import type { ProgramMembership, ProgramSummary } from '../../api/types.ts';
import { programRoleLabels } from '../../ui/labels.ts';

/** programId → name, for showing "Mentor in Leadership" rather than an id. */
export function programNamesById(programs: ProgramSummary[] | undefined): Map<string, string> {
  return new Map((programs ?? []).map((program) => [program.id, program.name]));
}

type ProgramRolesProps = {
  memberships: ProgramMembership[];
  programNames: Map<string, string>;
  emptyText?: string;
};

/** "Mentor · Leadership" chips, one per program the person is in. */
export function ProgramRoles({ memberships, programNames, emptyText }: ProgramRolesProps) {
  if (memberships.length === 0) {
    return emptyText ? <p className="muted">{emptyText}</p> : null;
  }
  return (
    <ul className="chips" aria-label="Program roles">
      {memberships.map((membership) => (
        <li
          key={membership.programId}
          className={`chip chip--${membership.role === 'mentor' ? 'accent' : 'neutral'}`}
        >
          {programRoleLabels[membership.role]} ·{' '}
          {programNames.get(membership.programId) ?? 'Program'}
        </li>
      ))}
    </ul>
  );
}
