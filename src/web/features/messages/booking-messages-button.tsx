import { useNavigate } from 'react-router';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import './messages.css';

/** Opens a booking's conversation (every booking has one) in Messages. */
export function BookingMessagesButton({ orgId, bookingId }: { orgId: string; bookingId: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const lookup = useSubmission();

  async function open() {
    const result = await lookup.run(() =>
      ok(
        api.GET('/api/orgs/{orgId}/bookings/{bookingId}/thread', {
          params: { path: { orgId, bookingId } },
        }),
      ),
    );
    if (result.ok) navigate(`/o/${orgId}/messages/${result.value.threadId}`);
  }

  return (
    <div className="booking-messages">
      <Button size="small" pending={lookup.pending} onClick={() => void open()}>
        Messages
      </Button>
      <ErrorAlert message={lookup.error} />
    </div>
  );
}
