import { useEffect, useState } from 'react';
import { ssoRefusalMessages } from '../../../core/single-sign-on.ts';
import type { ResponseOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert } from '../../ui/alert.tsx';
import { useApi } from './session-context.tsx';

type Providers = ResponseOf<'/api/auth/sso/providers', 'get'>['providers'];

/**
 * "Sign in with <provider>" for each organisation with single sign-on
 * (issue #13), and why the last attempt was refused, if it was.
 */
export function SingleSignOnButtons({ refused }: { refused: string | null }) {
  const api = useApi();
  const [providers, setProviders] = useState<Providers>([]);

  useEffect(() => {
    ok(api.GET('/api/auth/sso/providers')).then(
      (r) => setProviders(r.providers),
      () => setProviders([]),
    );
  }, [api]);

  return (
    <>
      {refused ? (
        <Alert tone="error">
          {ssoRefusalMessages[refused as keyof typeof ssoRefusalMessages] ??
            ssoRefusalMessages.failed}
        </Alert>
      ) : null}
      {providers.length > 0 ? (
        <nav className="stack stack--tight" aria-label="Single sign-on">
          {providers.map((p) => (
            <a key={p.id} className="button button--secondary" href={`/api/auth/sso/${p.id}/start`}>
              Sign in with {p.name}
            </a>
          ))}
        </nav>
      ) : null}
    </>
  );
}
