import { type ReactNode, useId } from 'react';

type CardProps = {
  title?: string;
  /** Shown beside the title: a count, a link or a small action. */
  actions?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
};

/** A titled section; the title names the region for assistive technology. */
export function Card({ title, actions, description, children, className, id }: CardProps) {
  const headingId = useId();
  const classes = ['card', className].filter(Boolean).join(' ');
  if (!title) {
    return (
      <div className={classes} id={id}>
        {children}
      </div>
    );
  }
  return (
    <section className={classes} aria-labelledby={headingId} id={id}>
      <header className="card__header">
        <div>
          <h2 className="card__title" id={headingId}>
            {title}
          </h2>
          {description ? <p className="card__description">{description}</p> : null}
        </div>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
