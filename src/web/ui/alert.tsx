import type { ReactNode } from 'react';

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
