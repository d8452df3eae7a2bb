import type { ReactNode } from 'react';
import { Link } from 'react-router';

type AuthFrameProps = { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The centred card that signed-out pages (sign in, sign up, invitation) sit in. */
export function AuthFrame({ title, intro, children, footer }: AuthFrameProps) {
  return (
    <main className="auth-page">
      <div className="auth-page__inner">
        <Link to="/" className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          Confer
        </Link>
        <div className="card auth-card">
          <h1 className="auth-card__title">{title}</h1>
          {intro ? <div className="auth-card__intro">{intro}</div> : null}
          {children}
        </div>
        {footer ? <p className="auth-page__footer">{footer}</p> : null}
      </div>
    </main>
  );
}
