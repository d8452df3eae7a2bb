import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './passwords.ts';

describe('checkPasswordStrength', () => {
  it.each([
    ['short', 'must be at least 10 characters'],
    ['aaaaaaaaaaaa', 'is too repetitive'],
    ['me@example.test', 'must not be your email address'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('refuses %s', (password, problem) => {
    expect(checkPasswordStrength(password, 'me@example.test')).toBe(problem);
  });

  it('accepts a long, varied passphrase', () => {
    expect(checkPasswordStrength('correct horse battery', 'me@example.test')).toBeNull();
  });
});
