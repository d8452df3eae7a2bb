import { describe, expect, it } from 'vitest';
import type { ProgramMembership, ProgramMode } from '../../api/types.ts';
import { groupMatchesByProgram, requestKindsFor } from './request-rules.ts';
import type { MyMatch } from './types.ts';

const modes = new Map<string, ProgramMode>([
  ['open', 'a_la_carte'],
  ['circle', 'matched'],
]);
const as = (...pairs: [string, 'mentor' | 'mentee'][]): ProgramMembership[] =>
  pairs.map(([programId, role]) => ({ programId, role }));

describe('requestKindsFor', () => {
  const cases: {
    name: string;
    mine: ProgramMembership[];
    theirs: ProgramMembership[];
    matchedIn: Set<string> | null;
    kinds: string[];
  }[] = [
    {
      name: 'a mentor offers to a mentee of an à-la-carte program',
      mine: as(['open', 'mentor']),
      theirs: as(['open', 'mentee']),
      matchedIn: new Set(),
      kinds: ['offer'],
    },
    {
      name: 'a mentee asks a mentor for a session',
      mine: as(['open', 'mentee']),
      theirs: as(['open', 'mentor']),
      matchedIn: new Set(),
      kinds: ['session_request'],
    },
    {
      name: 'nothing between two mentees',
      mine: as(['open', 'mentee']),
      theirs: as(['open', 'mentee']),
      matchedIn: null,
      kinds: [],
    },
    {
      name: 'nothing without a shared program',
      mine: as(['open', 'mentor']),
      theirs: as(['circle', 'mentee']),
      matchedIn: null,
      kinds: [],
    },
    {
      name: 'a matched program only with my match',
      mine: as(['circle', 'mentor']),
      theirs: as(['circle', 'mentee']),
      matchedIn: new Set(),
      kinds: [],
    },
    {
      name: 'a matched program with my match',
      mine: as(['circle', 'mentor']),
      theirs: as(['circle', 'mentee']),
      matchedIn: new Set(['circle']),
      kinds: ['offer'],
    },
    {
      name: 'a matched program while matches are unknown: the server decides',
      mine: as(['circle', 'mentee']),
      theirs: as(['circle', 'mentor']),
      matchedIn: null,
      kinds: ['session_request'],
    },
    {
      name: 'both ways through two programs',
      mine: as(['open', 'mentor'], ['circle', 'mentee']),
      theirs: as(['open', 'mentee'], ['circle', 'mentor']),
      matchedIn: new Set(['circle']),
      kinds: ['offer', 'session_request'],
    },
  ];
  it.each(cases)('$name', ({ mine, theirs, matchedIn, kinds }) => {
    expect(requestKindsFor({ mine, theirs, modes, matchedIn })).toEqual(kinds);
  });
});

describe('groupMatchesByProgram', () => {
  const match = (programName: string, name: string): MyMatch => ({
    id: `${programName}-${name}`,
    programId: programName,
    programName,
    role: 'mentor',
    other: { userId: name, name, photoUrl: null, timeZone: 'Europe/London' },
    since: '2026-01-01T00:00:00.000Z',
  });

  it('groups by program, both sorted by name', () => {
    const groups = groupMatchesByProgram([
      match('Open', 'Zoe'),
      match('Circle', 'Noah'),
      match('Open', 'Aiko'),
    ]);
    expect(groups.map((g) => [g.programName, g.matches.map((m) => m.other.name)])).toEqual([
      ['Circle', ['Noah']],
      ['Open', ['Aiko', 'Zoe']],
    ]);
  });

  it('is empty without matches', () => {
    expect(groupMatchesByProgram([])).toEqual([]);
  });
});
