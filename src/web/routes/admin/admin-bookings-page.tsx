import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BookingStatus } from '../../api/types.ts';
import { useViewerTimeZone } from '../../features/auth/session-context.tsx';
import {
  bookingStatusLabels,
  bookingStatusTones,
} from '../../features/bookings/booking-display.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { formatMoney } from '../../ui/format-money.ts';
import { Loading } from '../../ui/loading.tsx';
import { Pager } from '../../ui/pager.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';

const PAGE_SIZE = 50;
const MAX_SEARCH_LENGTH = 200;

type Filters = {
  q: string;
  status: '' | BookingStatus;
  programId: string;
  from: string;
  to: string;
};
const noFilters: Filters = { q: '', status: '', programId: '', from: '', to: '' };

/**
 * Admin → Bookings (issue #13): every booking of the organisation, latest
 * session first, filtered by the server (status, program, a mentor's or
 * mentee's name, the session's days) and paged, with the same set as CSV.
 */
export function AdminBookingsPage() {
  const { orgId = '' } = useParams();
  const timeZone = useViewerTimeZone();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(0);
  const words = useDebouncedValue(filters.q.trim(), 250);
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const chosen = {
    timeZone,
    ...(words ? { q: words } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.programId ? { programId: filters.programId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const bookings = useApiQuery('/api/orgs/{orgId}/bookings', {
    params: { path: { orgId }, query: { ...chosen, limit: PAGE_SIZE, offset: page * PAGE_SIZE } },
  });

  function filter(change: Partial<Filters>) {
    setFilters((current) => ({ ...current, ...change }));
    setPage(0);
  }

  const total = bookings.data?.total ?? 0;
  const shown = bookings.data?.bookings ?? [];
  const exportUrl = `/api/orgs/${orgId}/exports/bookings.csv?${new URLSearchParams(chosen)}`;
  return (
    <Card
      title="Bookings"
      id="bookings"
      description="Every booking in the organisation, latest session first."
      actions={
        <span className="card__links">
          <a href={exportUrl} download>
            Export these as CSV
          </a>
          <a href={`/api/orgs/${orgId}/exports/matches.csv`} download>
            Matches as CSV
          </a>
          <a href={`/api/orgs/${orgId}/exports/ratings.csv`} download>
            Ratings as CSV
          </a>
        </span>
      }
    >
      <div className="toolbar toolbar--filters">
        <TextField
          label="Mentor or mentee"
          type="search"
          maxLength={MAX_SEARCH_LENGTH}
          value={filters.q}
          onChange={(event) => filter({ q: event.target.value })}
        />
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(event) => filter({ status: event.target.value as Filters['status'] })}
        >
          <option value="">Any status</option>
          {Object.entries(bookingStatusLabels).map(([status, label]) => (
            <option key={status} value={status}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Program"
          value={filters.programId}
          onChange={(event) => filter({ programId: event.target.value })}
        >
          <option value="">Any program</option>
          {(programs.data?.programs ?? []).map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="From"
          type="date"
          value={filters.from}
          onChange={(event) => filter({ from: event.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={filters.to}
          onChange={(event) => filter({ to: event.target.value })}
        />
      </div>
      <ErrorAlert message={bookings.error?.message} />
      {bookings.loading && !bookings.data ? <Loading /> : null}
      {bookings.data && shown.length === 0 ? (
        <p className="muted">No booking matches these filters.</p>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Bookings, latest session first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Mentor</th>
                <th scope="col">Mentee</th>
                <th scope="col">Program</th>
                <th scope="col">Price</th>
                <th scope="col">Rating</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((booking) => (
                <tr key={booking.id}>
                  <td data-label="When" className="nowrap">
                    {formatDateTime(booking.startsAt, timeZone)}
                  </td>
                  <td data-label="Status">
                    <span className={`badge badge--${bookingStatusTones[booking.status]}`}>
                      {bookingStatusLabels[booking.status]}
                    </span>
                    {booking.lateCancellation ? <span className="muted"> (late)</span> : null}
                    {booking.reason ? <p className="person-cell__email">{booking.reason}</p> : null}
                  </td>
                  <td data-label="Mentor">
                    <Link to={`/o/${orgId}/people/${booking.mentorId}`}>{booking.mentorName}</Link>
                  </td>
                  <td data-label="Mentee">
                    <Link to={`/o/${orgId}/people/${booking.menteeId}`}>{booking.menteeName}</Link>
                  </td>
                  <td data-label="Program">{booking.programName}</td>
                  <td data-label="Price">
                    {booking.priceMinor > 0 && booking.currency
                      ? formatMoney({ amountMinor: booking.priceMinor, currency: booking.currency })
                      : '—'}
                  </td>
                  <td data-label="Rating">
                    {booking.menteeStars === null ? '—' : `${booking.menteeStars} of 5`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager
        label="Pages of bookings"
        page={page}
        pageSize={PAGE_SIZE}
        shown={shown.length}
        total={total}
        onPage={setPage}
      />
    </Card>
  );
}
