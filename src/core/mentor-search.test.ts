import { describe, expect, it } from 'vitest';
import { compareMentors, type RankedMentor, searchWords } from './mentor-search.ts';

describe('search words', () => {
  it.each([
    ['  Data   science ', ['data', 'science']],
    ['react&node|rust', ['react', 'node', 'rust']],
    ['!(go):* \'ml\' "ai" a\\b', ['go', 'ml', 'ai', 'a', 'b']],
    ['x <-> y <2> z', ['x', 'y', '2', 'z']],
    ['node.js front-end c++ C#', ['node.js', 'front-end', 'c++', 'c#']],
    ['- + ... ***', []],
    ['', []],
    ['nul\u0000byte\ttab', ['nul', 'byte', 'tab']],
    ['Zoë Ångström 東京', ['zoë', 'ångström', '東京']],
  ])('%j → %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });

  it('reads at most 200 characters', () => {
    expect(searchWords(`${'a'.repeat(199)} b`)).toEqual(['a'.repeat(199)]);
  });
});

type MentorFigures = {
  name: string;
  userId?: string;
  rank?: number;
  approvalRate?: number;
  medianResponseMinutes?: number;
};

const mentor = (m: MentorFigures): RankedMentor => ({
  userId: m.userId ?? m.name,
  name: m.name,
  rank: m.rank ?? 0,
  reputation: {
    approvalRate: m.approvalRate ?? null,
    medianResponseMinutes: m.medianResponseMinutes ?? null,
  },
});

const order = (mentors: RankedMentor[]) => [...mentors].sort(compareMentors).map((m) => m.name);

describe('directory order', () => {
  it('puts relevance before responsiveness', () => {
    expect(
      order([
        mentor({ name: 'Bio mention', rank: 0.2, approvalRate: 1, medianResponseMinutes: 5 }),
        mentor({ name: 'Name match', rank: 0.6, approvalRate: 0.5, medianResponseMinutes: 900 }),
      ]),
    ).toEqual(['Name match', 'Bio mention']);
  });

  it('among equally relevant mentors, ranks approval rate, then response time, then name', () => {
    expect(
      order([
        mentor({ name: 'Slow', approvalRate: 1, medianResponseMinutes: 600 }),
        mentor({ name: 'Picky', approvalRate: 0.5, medianResponseMinutes: 1 }),
        mentor({ name: 'Quick', approvalRate: 1, medianResponseMinutes: 10 }),
        mentor({ name: 'bea', approvalRate: 0.5, medianResponseMinutes: 1 }),
      ]),
    ).toEqual(['Quick', 'Slow', 'bea', 'Picky']);
  });

  it('puts mentors with nothing to go on after those with figures', () => {
    expect(
      order([
        mentor({ name: 'New' }),
        mentor({ name: 'Rejects all', approvalRate: 0, medianResponseMinutes: 30 }),
        mentor({ name: 'Only expired', approvalRate: 0.8 }),
      ]),
    ).toEqual(['Only expired', 'Rejects all', 'New']);
  });

  it('breaks a full tie by id, so the order never depends on the input', () => {
    const a = mentor({ name: 'Sam', userId: 'a' });
    const b = mentor({ name: 'Sam', userId: 'b' });
    expect([b, a].sort(compareMentors)).toEqual([a, b]);
  });
});
