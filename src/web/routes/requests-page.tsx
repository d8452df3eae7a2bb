import { useParams, useSearchParams } from 'react-router';
import { SessionRequests } from '../features/bookings/session-requests.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Tabs } from '../ui/tabs.tsx';

/** Seed 003's Requests page: session requests now, message requests later. */
export function RequestsPage() {
  const { orgId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'messages' ? 'messages' : 'sessions';

  return (
    <>
      <PageHeader title="Requests" subtitle="Answer what others ask of you, and follow up yours." />
      <Tabs
        label="Requests"
        selected={tab}
        onSelect={(id) =>
          setParams(id === 'messages' ? { tab: 'messages' } : {}, { replace: true })
        }
        tabs={[
          { id: 'sessions', label: 'Session requests', panel: <SessionRequests orgId={orgId} /> },
          {
            id: 'messages',
            label: 'Message requests',
            panel: (
              <div className="card">
                <EmptyState title="Message requests are coming soon" icon="💬">
                  <p>A first message from someone you are not connected with will wait here.</p>
                </EmptyState>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
