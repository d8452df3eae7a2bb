import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './passwords.ts';

describe('checkPasswordStrength', () => {
  it.each([
    ['short', 'must be at least 10 characters'],
    ['me@example.test', 'must not be your email address'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('refuses %s', (password, problem) => {
    expect(checkPasswordStrength(password, 'me@example.test')).toBe(problem);
  });

  it.each([
    ['password12', 'This is a commonly used password.'],
    ['Password123', 'This is a commonly used password.'],
    ['1234567890', 'This is a frequently used password.'],
    ['qwertyuiop', 'This is a frequently used password.'],
    ['aaaaaaaaaaaa', 'Repeated characters like "aaa" are easy to guess.'],
  ])('refuses the guessable %s, saying why', (password, why) => {
    const problem = checkPasswordStrength(password, 'me@example.test');
    expect(problem).toMatch(/^is too easy to guess: /);
    expect(problem).toContain(why);
  });

  it('refuses a password built from the person’s own name', () => {
    expect(
      checkPasswordStrength('rosalindfranklin1', 'me@example.test', ['Rosalind Franklin']),
    ).toMatch(/too easy to guess/);
  });

  it('accepts a long, varied passphrase', () => {
    expect(checkPasswordStrength('correct horse battery', 'me@example.test')).toBeNull();
  });
});
