import { type ReactNode, useEffect, useRef } from 'react';

type AlertProps = {
  tone: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
  className?: string;
};

/** Errors are announced at once (role="alert"); successes, warnings and notes politely (role="status"). */
export function Alert({ tone, children, className }: AlertProps) {
  const classes = ['alert', `alert--${tone}`, className].filter(Boolean).join(' ');
  return (
    <div className={classes} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Renders an error alert only when there is a message. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  return message ? <Alert tone="error">{message}</Alert> : null;
}

/**
 * The result of an action (approved, rejected, cancelled, booked): shown and
 * focused as soon as it is said, so the eye and a screen reader land on it
 * (issue #12 "feedback where the eye is"); nothing without a message.
 */
export function StatusAlert({
  message,
  tone = 'success',
}: {
  message: ReactNode;
  tone?: 'success' | 'error';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="status-alert">
      <Alert tone={tone}>{message}</Alert>
    </div>
  );
}
