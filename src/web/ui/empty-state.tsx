import type { ReactNode } from 'react';

type EmptyStateProps = { title: string; children?: ReactNode; icon?: string };

export function EmptyState({ title, children, icon }: EmptyStateProps) {
  return (
    <div className="empty-state">
      {icon ? (
        <div className="empty-state__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
    </div>
  );
}
