import { useCallback, useState } from 'react';
import { ApiError, describeError, type FieldErrors } from './api.ts';

/** On failure, `error` is what was thrown, for callers that react to a 409's `reason`. */
export type SubmissionResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type Submission = {
  pending: boolean;
  /** The failure to show in an alert, if any. */
  error: string | null;
  /** Per-input problems, keyed by form field name. */
  fieldErrors: FieldErrors;
  /** The same problems by full path (`weekly.0.end`), for forms with rows of inputs. */
  fieldPaths: FieldErrors;
  /** Runs the write; on failure the error is stored for the form and `ok` is false. */
  run: <T>(write: () => Promise<T>) => Promise<SubmissionResult<T>>;
  reset: () => void;
};

/** Pending, error and field-error state for one form's submit. */
export function useSubmission(): Submission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [fieldPaths, setFieldPaths] = useState<FieldErrors>({});

  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
    setFieldPaths({});
  }, []);

  const run = useCallback(async <T>(write: () => Promise<T>): Promise<SubmissionResult<T>> => {
    setPending(true);
    setError(null);
    setFieldErrors({});
    setFieldPaths({});
    try {
      return { ok: true, value: await write() };
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setFieldPaths(err instanceof ApiError ? err.paths : {});
      const hasFieldErrors = Object.keys(fields).length > 0;
      // Validation messages name raw paths (body.email: …); the inputs show them better.
      const isValidation = err instanceof ApiError && err.code === 'validation_failed';
      setError(
        isValidation && hasFieldErrors ? 'Please correct the marked fields.' : describeError(err),
      );
      setFieldErrors(fields);
      return { ok: false, error: err };
    } finally {
      setPending(false);
    }
  }, []);

  return { pending, error, fieldErrors, fieldPaths, run, reset };
}
