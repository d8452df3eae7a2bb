import type { MyMatch } from './types.ts';

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
