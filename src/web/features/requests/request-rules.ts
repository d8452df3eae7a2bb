import type { ProgramMembership, ProgramMode } from '../../api/types.ts';
import type { MentorshipRequestKind, MyMatch } from './types.ts';

type Standing = {
  /** My program roles. */
  mine: ProgramMembership[];
  /** The other person's program roles. */
  theirs: ProgramMembership[];
  /** programId → mode; a program missing here counts as à la carte. */
  modes: ReadonlyMap<string, ProgramMode>;
  /**
   * Programs in which the other person is my match, or null while my matches
   * are unknown (then the server decides, and says why if it refuses).
   */
  matchedIn: ReadonlySet<string> | null;
};

/**
 * Which mentorship requests I can send someone from their profile: an offer
 * to mentor as a mentor to a mentee, a session request as a mentee to a
 * mentor, through a program we share (in a matched program, only to my match).
 * The server applies the same rule; this only spares people a button that
 * would be refused.
 */
export function requestKindsFor(standing: Standing): MentorshipRequestKind[] {
  const through = (myRole: 'mentor' | 'mentee', theirRole: 'mentor' | 'mentee') =>
    standing.mine.some(
      (mine) =>
        mine.role === myRole &&
        standing.theirs.some((theirs) => {
          if (theirs.programId !== mine.programId || theirs.role !== theirRole) return false;
          if (standing.modes.get(mine.programId) !== 'matched') return true;
          return standing.matchedIn === null || standing.matchedIn.has(mine.programId);
        }),
    );
  const kinds: MentorshipRequestKind[] = [];
  if (through('mentor', 'mentee')) kinds.push('offer');
  if (through('mentee', 'mentor')) kinds.push('session_request');
  return kinds;
}

export type ProgramMatches = { programId: string; programName: string; matches: MyMatch[] };

/** My matches by program, programs and people in alphabetical order. */
export function groupMatchesByProgram(matches: MyMatch[]): ProgramMatches[] {
  const groups = new Map<string, ProgramMatches>();
  for (const match of matches) {
    const group = groups.get(match.programId) ?? {
      programId: match.programId,
      programName: match.programName,
      matches: [],
    };
    group.matches.push(match);
    groups.set(match.programId, group);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return [...groups.values()]
    .map((group) => ({
      ...group,
      matches: [...group.matches].sort((a, b) => byName(a.other.name, b.other.name)),
    }))
    .sort((a, b) => byName(a.programName, b.programName));
}
