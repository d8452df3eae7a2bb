import { describe, expect, it } from 'vitest';
import { groupMatchesByProgram } from './request-rules.ts';
import type { MyMatch } from './types.ts';

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
