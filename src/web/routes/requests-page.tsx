import { useParams, useSearchParams } from 'react-router';
import { SessionRequests } from '../features/bookings/session-requests.tsx';
import { MentorshipRequests } from '../features/requests/mentorship-requests.tsx';
import { MessageRequests } from '../features/requests/message-requests.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Tabs } from '../ui/tabs.tsx';

/** `?tab=` values; notifications link to them. Session requests need none. */
const tabParams = { sessions: null, mentorship: 'mentorship', messages: 'messages' } as const;
type Tab = keyof typeof tabParams;

function tabFrom(value: string | null): Tab {
  return value === 'mentorship' || value === 'messages' ? value : 'sessions';
}

/**
 * Seed 003's Requests page: session requests (bookings), mentorship requests
 * (seed 001: offers to mentor and session requests) and message requests.
 */
export function RequestsPage() {
  const { orgId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = tabFrom(params.get('tab'));

  return (
    <>
      <PageHeader title="Requests" subtitle="Answer what others ask of you, and follow up yours." />
      <Tabs
        label="Requests"
        selected={tab}
        onSelect={(id) => {
          const value = tabParams[tabFrom(id)];
          setParams(value ? { tab: value } : {}, { replace: true });
        }}
        tabs={[
          { id: 'sessions', label: 'Session requests', panel: <SessionRequests orgId={orgId} /> },
          {
            id: 'mentorship',
            label: 'Mentorship requests',
            panel: <MentorshipRequests orgId={orgId} />,
          },
          { id: 'messages', label: 'Message requests', panel: <MessageRequests orgId={orgId} /> },
        ]}
      />
    </>
  );
}
