export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Returns what is wrong with a new password, or null when it is acceptable. */
export function checkPasswordStrength(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (password.toLowerCase() === email.toLowerCase()) return 'must not be your email address';
  if (new Set(password).size < 4) return 'is too repetitive';
  return null;
}
