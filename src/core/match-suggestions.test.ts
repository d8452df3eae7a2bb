import { describe, expect, it } from 'vitest';
import {
  type SuggestionMentee,
  type SuggestionMentor,
  scoreMentor,
  sharedSkillsOf,
  suggestMatches,
} from './match-suggestions.ts';

const mentee = (goals: string, skills: string[] = []): SuggestionMentee => ({
  userId: 'e',
  name: 'Mia Mentee',
  skills,
  goals,
});
const mentor = (name: string, over: Partial<SuggestionMentor> = {}): SuggestionMentor => ({
  userId: name.toLowerCase(),
  name,
  skills: [],
  capacity: 3,
  activeMatches: 0,
  approvalRate: null,
  medianResponseMinutes: null,
  ...over,
});

describe('shared skills', () => {
  it('finds a mentor’s skills in the mentee’s goals as whole words, or among their own skills', () => {
    const m = mentee('I want to get better at public speaking and learn C# for work.', ['SQL']);
    expect(sharedSkillsOf(m, ['Public speaking', 'C#', 'sql', 'Java', 'Go'])).toEqual([
      'Public speaking',
      'C#',
      'sql',
    ]);
    // "go" inside "good" is no match.
    expect(sharedSkillsOf(mentee('a good leader'), ['Go'])).toEqual([]);
  });
});

describe('scoring one mentor', () => {
  it('adds skills (20 each, at most 60), room left (20) and responsiveness (20), with reasons', () => {
    const s = scoreMentor(
      mentee('Grow into leadership; product strategy'),
      mentor('Maya', {
        skills: ['Leadership', 'Product strategy', 'Python'],
        capacity: 4,
        activeMatches: 1,
        approvalRate: 0.9,
        medianResponseMinutes: 180,
      }),
    );
    expect(s).toEqual({
      mentorId: 'maya',
      mentorName: 'Maya',
      score: 40 + 15 + 10 + 9,
      sharedSkills: ['Leadership', 'Product strategy'],
      reasons: [
        'asks for Leadership, Product strategy',
        '3 of 4 places free',
        'answers in about 3 hours',
        'approves 90% of requests',
      ],
    });
  });

  it('never suggests a mentor without room', () => {
    expect(scoreMentor(mentee('x'), mentor('Full', { capacity: 2, activeMatches: 2 }))).toBeNull();
  });

  it('gives slow answers fewer points, a week or more none', () => {
    const at = (minutes: number) =>
      scoreMentor(mentee(''), mentor('M', { capacity: null, medianResponseMinutes: minutes }))
        ?.score;
    expect(at(60)).toBe(30);
    expect(at(4 * 1440)).toBe(25);
    expect(at(10 * 1440)).toBe(20);
  });
});

describe('suggestions for a program', () => {
  it('lists the best mentors first for each mentee, ties by name', () => {
    const mentors = [
      mentor('Zed', { skills: ['Design'] }),
      mentor('Ann', { skills: ['Design'] }),
      mentor('Bob', { skills: ['Design', 'Research'] }),
      mentor('Cat', { skills: ['Cooking'] }),
    ];
    const [first] = suggestMatches([mentee('design research')], mentors, 3);
    expect(first?.mentors.map((m) => m.mentorName)).toEqual(['Bob', 'Ann', 'Zed']);
  });
});
