import { describe, expect, it } from 'vitest';
import {
  type ExistingMember,
  importChangeFor,
  importColumnOf,
  importOutcomeOf,
  readImportFile,
} from './member-import.ts';

const programs = new Map([
  ['open mentoring', 'Open Mentoring'],
  ['circle', 'Circle'],
]);
const header = ['Name', 'Email', 'Role', 'Programs', 'Groups', 'Time zone', 'Skills', 'Shoe size'];
const at = (line: number, cells: string[]) => ({ line, cells });

describe('reading an import file', () => {
  it('reads the export’s own columns and common spellings', () => {
    expect(importColumnOf(' Time Zone ')).toBe('time_zone');
    expect(importColumnOf('timezone')).toBe('time_zone');
    expect(importColumnOf('program')).toBe('programs');
    expect(importColumnOf('joined_at')).toBeNull();
  });

  it('turns good rows into members and names columns it ignores', () => {
    const file = readImportFile(
      header,
      [
        at(2, [
          'Ada',
          'ada@example.com',
          'mentor',
          'Open Mentoring',
          'Cohort A; Cohort B',
          'Europe/London',
          'Go, SQL',
          '42',
        ]),
        at(3, ['Bo', 'bo@example.com', '', 'circle (mentor); Open Mentoring', '', '', '', '']),
        at(4, ['', '', '', '', '', '', '', '']),
      ],
      programs,
    );
    expect(file.problems).toEqual([]);
    expect(file.ignoredColumns).toEqual(['Shoe size']);
    expect(file.rows).toEqual([
      {
        line: 2,
        name: 'Ada',
        email: 'ada@example.com',
        orgRole: 'member',
        programs: [{ name: 'Open Mentoring', role: 'mentor' }],
        groups: ['Cohort A', 'Cohort B'],
        timeZone: 'Europe/London',
        skills: ['Go', 'SQL'],
        location: null,
      },
      expect.objectContaining({
        line: 3,
        programs: [
          { name: 'Circle', role: 'mentor' },
          { name: 'Open Mentoring', role: 'mentee' },
        ],
        timeZone: null,
      }),
    ]);
  });

  it('reports every bad row by line and field, and leaves those rows out', () => {
    const file = readImportFile(
      header,
      [
        at(2, ['Ada', 'ada@example', 'mentor', 'Nowhere', '', 'Mars/Olympus', '', '']),
        at(3, ['', 'bo@example.com', 'boss', '', '', '', '', '']),
        at(4, ['Cy', 'cy@example.com', 'mentee', '', '', '', '', '']),
        at(5, ['Bo again', 'BO@example.com', '', '', '', '', '', '']),
      ],
      programs,
    );
    expect(file.rows).toEqual([]);
    expect(file.problems).toEqual([
      { line: 2, field: 'email', message: '"ada@example" is not an email address' },
      { line: 2, field: 'programs', message: 'no program is called "Nowhere"' },
      {
        line: 2,
        field: 'time_zone',
        message: '"Mars/Olympus" is not a time zone (write it like Europe/London)',
      },
      { line: 3, field: 'name', message: 'is empty' },
      { line: 3, field: 'role', message: '"boss" is not one of admin, member, mentor, mentee' },
      {
        line: 4,
        field: 'programs',
        message: 'is empty; a mentee needs the program they are mentored in',
      },
      { line: 5, field: 'email', message: 'is already on line 3' },
    ]);
  });

  it('refuses a file without the columns it needs', () => {
    const file = readImportFile(['Full name', 'Mail'], [at(2, ['Ada', 'a@b.c'])], programs);
    expect(file.problems).toEqual([
      { line: 1, field: 'email', message: 'the file has no such column' },
    ]);
  });
});

describe('what importing a row changes', () => {
  const [row] = readImportFile(
    header,
    [at(2, ['Ada', 'ada@example.com', 'mentor', 'Open Mentoring', 'Cohort A', '', '', ''])],
    programs,
  ).rows;
  if (!row) throw new Error('row expected');

  it('creates, joins, updates, and the second time changes nothing', () => {
    expect(importOutcomeOf(importChangeFor(row, undefined))).toBe('created');
    const outsider: ExistingMember = {
      userId: 'u',
      orgRole: null,
      programs: new Map(),
      groups: new Set(),
    };
    expect(importOutcomeOf(importChangeFor(row, outsider))).toBe('joined');
    const mentee: ExistingMember = {
      ...outsider,
      orgRole: 'member',
      programs: new Map([['Open Mentoring', 'mentee']]),
      groups: new Set(['cohort a']),
    };
    const change = importChangeFor(row, mentee);
    expect(change.programs).toEqual([{ name: 'Open Mentoring', role: 'mentor' }]);
    expect(change.groups).toEqual([]);
    expect(importOutcomeOf(change)).toBe('updated');
    const imported: ExistingMember = {
      ...mentee,
      programs: new Map([['Open Mentoring', 'mentor']]),
    };
    expect(importOutcomeOf(importChangeFor(row, imported))).toBe('unchanged');
  });

  it('never takes admin away', () => {
    const admin: ExistingMember = {
      userId: 'u',
      orgRole: 'admin',
      programs: new Map([['Open Mentoring', 'mentor']]),
      groups: new Set(['cohort a']),
    };
    expect(importChangeFor(row, admin).promote).toBe(false);
    expect(importOutcomeOf(importChangeFor(row, admin))).toBe('unchanged');
  });
});
