import { useState } from 'react';
import { ApiTokensCard } from '../features/account/api-tokens-card.tsx';
import { CalendarFeedCard } from '../features/account/calendar-feed-card.tsx';
import { ChangeEmailCard } from '../features/account/change-email-form.tsx';
import { ChangePasswordForm } from '../features/account/change-password-form.tsx';
import { NotificationPreferencesCard } from '../features/account/notification-preferences-card.tsx';
import { SessionsCard } from '../features/account/sessions-card.tsx';
import { useSignedInUser } from '../features/auth/session-context.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function AccountPage() {
  const user = useSignedInUser();
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <div className="narrow">
      <PageHeader title="Account" subtitle={`Signed in as ${user.email}`} />
      <div className="stack">
        <Card title="Change password">
          <ChangePasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
        </Card>
        <ChangeEmailCard current={user.email} />
        <NotificationPreferencesCard />
        <CalendarFeedCard />
        <ApiTokensCard />
        <SessionsCard version={sessionsVersion} />
      </div>
    </div>
  );
}
