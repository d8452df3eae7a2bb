import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;

/*
 * zxcvbn is a pure estimator (lists of common passwords, words and keyboard
 * patterns; no I/O), so it lives in core beside the rule it serves. Built
 * once: loading the dictionaries takes a moment.
 */
const estimator = new ZxcvbnFactory({
  dictionary: { ...commonWords, ...englishWords },
  graphs: adjacencyGraphs,
  translations,
});

/**
 * Returns what is wrong with a new password, or null when it is acceptable:
 * the reason is shown beside the field, so it says what to do.
 * `personal` holds what the password must not be built from (email, name).
 */
export function checkPasswordStrength(
  password: string,
  email: string,
  personal: string[] = [],
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (password.toLowerCase() === email.toLowerCase()) return 'must not be your email address';
  const localPart = email.split('@')[0] ?? '';
  // Names are matched word by word and run together ("Ada Lovelace" → ada, lovelace, adalovelace).
  const words = personal.flatMap((p) => [...p.split(/\s+/), p.replace(/\s+/g, '')]);
  const { score, feedback } = estimator.check(password, [email, localPart, ...words]);
  if (score >= PASSWORD_MIN_SCORE) return null;
  const why = feedback.warning ?? 'It would be guessed quickly.';
  const advice = feedback.suggestions[0] ?? 'Add more words that are less common.';
  return `is too easy to guess: ${why} ${advice}`;
}

/**
 * The stored hash of an account that has no password yet (made by a members
 * import or a single sign-on): no password matches it, and its owner sets one
 * through the emailed link or "Forgot password".
 */
export const NO_PASSWORD = '';
