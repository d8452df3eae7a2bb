import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useSession } from './session-context.tsx';

type Demo = ResponseOf<'/api/auth/demo', 'get'>;

const roleWords = { admin: 'admin', mentor: 'mentor', mentee: 'mentee' } as const;

/**
 * On a demo database, the sign-in page offers its accounts: one click signs
 * in as that person (issue #12 "First run"). Nothing shows on real data.
 */
export function DemoAccounts({ onSignedIn }: { onSignedIn: () => void }) {
  const api = useApi();
  const { signIn } = useSession();
  const submission = useSubmission();
  const [demo, setDemo] = useState<Demo | null>(null);

  useEffect(() => {
    ok(api.GET('/api/auth/demo')).then(setDemo, () => setDemo(null));
  }, [api]);

  if (!demo?.password || demo.accounts.length === 0) return null;
  const password = demo.password;
  return (
    <section className="stack" aria-label="Demo accounts">
      <p className="muted">
        This is the demo. Sign in as one of its people (each uses the password{' '}
        <code>{demo.password}</code>):
      </p>
      <ErrorAlert message={submission.error} />
      <ul className="item-list">
        {demo.accounts.map((a) => (
          <li key={a.email} className="item-list__item">
            <Button
              size="small"
              pending={submission.pending}
              onClick={async () => {
                const result = await submission.run(() => signIn(a.email, password));
                if (result.ok) onSignedIn();
              }}
            >
              Sign in as {a.name} ({roleWords[a.role]})
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
