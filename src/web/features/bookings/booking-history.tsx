import type { BookingHistoryEntry } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { formatClock, formatShortDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';

const actionLabels: Record<string, string> = {
  request: 'Requested',
  suggest_time: 'Suggested a time of their own',
  approve: 'Approved',
  auto_approve: 'Approved automatically',
  reject: 'Rejected',
  propose_time: 'Suggested another time',
  accept_proposal: 'Accepted the suggested time',
  decline_proposal: 'Declined the suggested time',
  withdraw: 'Withdrew the request',
  expire: 'Expired without an answer',
  cancel: 'Cancelled',
  complete: 'Marked completed',
  report_no_show: 'Reported a no-show',
  rate: 'Rated the session',
  set_meeting_link: 'Set the meeting link',
  propose_move: 'Asked to move the session',
  accept_move: 'Accepted the move',
  decline_move: 'Declined the move',
  withdraw_move: 'Withdrew the move',
  expire_move: 'The move lapsed unanswered',
  move: 'Moved the session',
};

/** Actions whose entry names the time they put on the table. */
const timeActions = new Set([
  'request',
  'suggest_time',
  'propose_time',
  'propose_move',
  'accept_move',
  'move',
]);

/** "Suggested another time by Maya Okafor · Tue 3 Mar 12:00 — for Wed 4 Mar 15:00–15:30: “clash”" */
export function describeHistoryEntry(entry: BookingHistoryEntry, viewerZone: string): string {
  const label = actionLabels[entry.action] ?? entry.action.replaceAll('_', ' ');
  const who = entry.actorName ? ` by ${entry.actorName}` : '';
  const time = timeActions.has(entry.action)
    ? ` — for ${formatShortDateTime(entry.startsAt, viewerZone)}–${formatClock(entry.endsAt, viewerZone)}`
    : '';
  const reason = entry.reason ? `: “${entry.reason}”` : '';
  return `${label}${who} · ${formatShortDateTime(entry.at, viewerZone)}${time}${reason}`;
}

type BookingHistoryProps = { booking: { orgId: string; id: string }; viewerZone: string };

/** Every step of a booking — who, when, why — loaded when opened. */
export function BookingHistory({ booking, viewerZone }: BookingHistoryProps) {
  const detail = useApiQuery('/api/orgs/{orgId}/bookings/{bookingId}', {
    params: { path: { orgId: booking.orgId, bookingId: booking.id } },
  });
  return (
    <div className="session-panel booking-history">
      <p className="item-list__meta">History, times in {viewerZone}</p>
      {detail.loading ? <Loading /> : null}
      <ErrorAlert message={detail.error?.message} />
      {detail.data ? (
        <ol className="booking-history__list" aria-label="History">
          {detail.data.history.map((entry) => (
            <li key={`${entry.at}-${entry.action}-${entry.toStatus}`}>
              {describeHistoryEntry(entry, viewerZone)}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
