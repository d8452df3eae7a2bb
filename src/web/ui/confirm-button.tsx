import { useState } from 'react';
import { Button } from './button.tsx';

type ConfirmButtonProps = {
  /** The button's text, e.g. "Remove". */
  label: string;
  /** A fuller name for assistive technology, e.g. "Remove Sam Lee". */
  accessibleLabel?: string;
  /** The question asked before acting, e.g. "Remove Sam Lee from the organisation?" */
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  pending?: boolean;
};

/** A destructive action that asks inline first (no blocking browser dialog). */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  pending,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button
        size="small"
        variant="danger"
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
        pending={pending}
      >
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm__question">{question}</span>
      <Button
        size="small"
        variant="danger"
        pending={pending}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </Button>
      <Button size="small" variant="ghost" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
