import type { ComponentProps } from 'react';
import { TextField } from '../../ui/field.tsx';

const PASSWORD_MIN_LENGTH = 10;

type PasswordFieldProps = Omit<
  ComponentProps<typeof TextField>,
  'type' | 'autoComplete' | 'required' | 'minLength' | 'hint'
> & {
  /**
   * A password being chosen: the browser may suggest one and the rule is
   * shown; the server's reason (e.g. "is too easy to guess: …") comes back as
   * the field's error and is shown beside it.
   */
  isNew?: boolean;
};

/** A required password input, either the one the user has or a new one. */
export function PasswordField({ isNew = false, ...field }: PasswordFieldProps) {
  return isNew ? (
    <TextField
      {...field}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters and hard to guess: a few uncommon words work well.`}
    />
  ) : (
    <TextField {...field} type="password" autoComplete="current-password" required />
  );
}
