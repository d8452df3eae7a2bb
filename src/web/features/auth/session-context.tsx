import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { SessionResponse, SessionUser } from '../../api/types.ts';

import { type ApiClient, ApiError, createApiClient, describeError, ok } from '../../api.ts';

export type SessionState =
  | { status: 'loading' }
  /** `byRequest`: the user pressed Sign out (rather than the session ending or never existing). */
  | { status: 'signed-out'; byRequest?: boolean }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; user: SessionUser };

export type SignUpInput = {
  email: string;
  password: string;
  name: string;
  timeZone: string;
  invitationToken?: string;
};

type SessionContextValue = {
  session: SessionState;
  api: ApiClient;
  /** Reloads who is signed in (after joining an organisation or editing the profile). */
  refresh: () => Promise<void>;
  signIn: (email: string, password: string) => Promise<SessionUser>;
  /** Signed in at once (an invitation), or told to open the emailed link first. */
  signUp: (input: SignUpInput) => Promise<{ user: SessionUser } | { checkEmail: string }>;
  /** Finishes a sign-up with the emailed link's token and signs in. */
  confirmSignUp: (token: string) => Promise<SessionUser>;
  /** Sets a new password with a reset link's token and signs in. */
  resetPassword: (token: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const cache = useQueryClient();
  // Whose data the cache holds: nothing of one user is ever shown to the next.
  const cachedFor = useRef<string | null>(null);
  const forget = useCallback(() => {
    cachedFor.current = null;
    cache.clear();
  }, [cache]);
  // The CSRF token lives only in memory: a page reload fetches it again.
  const csrfToken = useRef<string | null>(null);

  const api = useMemo(
    () =>
      createApiClient({
        getCsrfToken: () => csrfToken.current,
        onSessionEnded: () => {
          csrfToken.current = null;
          forget();
          setSession({ status: 'signed-out' });
        },
      }),
    [forget],
  );

  const adopt = useCallback(
    (response: SessionResponse) => {
      csrfToken.current = response.csrfToken;
      if (cachedFor.current !== response.user.id) {
        forget();
        cachedFor.current = response.user.id;
      }
      setSession({ status: 'signed-in', user: response.user });
      return response.user;
    },
    [forget],
  );

  const refresh = useCallback(async () => {
    try {
      adopt(await ok(api.GET('/api/auth/session')));
    } catch (err) {
      csrfToken.current = null;
      if (err instanceof ApiError && err.status === 401) setSession({ status: 'signed-out' });
      else setSession({ status: 'failed', message: describeError(err) });
    }
  }, [api, adopt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      api,
      refresh,
      signIn: async (email, password) =>
        adopt(await ok(api.POST('/api/auth/sign-in', { body: { email, password } }))),
      signUp: async (input) => {
        const answer = await ok(api.POST('/api/auth/sign-up', { body: input }));
        return 'user' in answer ? { user: adopt(answer) } : { checkEmail: answer.message };
      },
      confirmSignUp: async (token) =>
        adopt(await ok(api.POST('/api/auth/sign-up/confirm', { body: { token } }))),
      resetPassword: async (token, password) =>
        adopt(
          await ok(api.POST('/api/auth/password-reset/confirm', { body: { token, password } })),
        ),
      signOut: async () => {
        // Forget the session here even if the server could not be told.
        await ok(api.POST('/api/auth/sign-out')).catch(() => undefined);
        csrfToken.current = null;
        forget();
        setSession({ status: 'signed-out', byRequest: true });
      },
    }),
    [session, api, refresh, adopt, forget],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

export function useApi(): ApiClient {
  return useSession().api;
}

/** The signed-in user; only for pages behind <RequireSession>. */
export function useSignedInUser(): SessionUser {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useSignedInUser needs a signed-in session');
  return session.user;
}

/** The zone the viewer reads times in: their profile's, else the browser's. */
export function useViewerTimeZone(): string {
  const { session } = useSession();
  if (session.status === 'signed-in') return session.user.timeZone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
