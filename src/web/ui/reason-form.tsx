import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from './alert.tsx';
import { Button } from './button.tsx';
import { TextField } from './field.tsx';

type ReasonFormProps = {
  /** names the form for assistive technology, e.g. "Cancel booking" */
  label: string;
  /** the question and any warnings shown above the reason */
  children: ReactNode;
  hint?: string;
  submitLabel: string;
  keepLabel: string;
  pending: boolean;
  error: string | null | undefined;
  fieldError: string | undefined;
  /** told the trimmed reason; never called with an empty one */
  onSubmit: (reason: string) => void;
  onClose: () => void;
};

/** Asks why before a destructive step (cancel, reject): an inline confirmation, not a blocking dialog. */
export function ReasonForm(props: ReasonFormProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(!trimmed);
    if (trimmed) props.onSubmit(trimmed);
  }

  return (
    <form className="form session-panel" aria-label={props.label} onSubmit={submit} noValidate>
      {props.children}
      <TextField
        label="Reason"
        name="reason"
        required
        maxLength={1000}
        hint={props.hint}
        value={reason}
        error={missing ? 'Say why.' : props.fieldError}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorAlert message={props.error} />
      <div className="button-row">
        <Button type="submit" variant="danger" pending={props.pending}>
          {props.submitLabel}
        </Button>
        <Button variant="ghost" onClick={props.onClose}>
          {props.keepLabel}
        </Button>
      </div>
    </form>
  );
}
