import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MentorSummary } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { useViewerTimeZone } from '../auth/session-context.tsx';
import { MentorCard } from './mentor-card.tsx';
import './directory.css';

/** The API's longest search text and default page size. */
const MAX_SEARCH_LENGTH = 200;
const PAGE_SIZE = 50;
const DEBOUNCE_MS = 250;

/** The search as query parameters; empty ones are left out. */
function mentorsQuery(q: string, freeThisWeek: boolean) {
  return { ...(q ? { q } : {}), ...(freeThisWeek ? { freeThisWeek: 'true' } : {}) };
}

/**
 * Search the organisation's mentors by name, skills and free text, optionally
 * only those free this week. The search text lives in the address (`?q=`,
 * `?free=1`), so a reload or a shared link shows the same results; typing
 * updates it after a pause.
 */
export function MentorDirectory({ orgId }: { orgId: string }) {
  const headingId = useId();
  const viewerTimeZone = useViewerTimeZone();
  const [params, setParams] = useSearchParams();
  const addressText = params.get('q') ?? '';
  const addressFree = params.get('free') === '1';

  // The box and the checkbox answer at once; the address follows (the text
  // after a pause). What this component last wrote is remembered, so only a
  // change made elsewhere (back, forward, a link) is copied back into them.
  const [text, setText] = useState(addressText);
  const [freeThisWeek, setFreeThisWeek] = useState(addressFree);
  const typed = useDebouncedValue(text, DEBOUNCE_MS);
  const written = useRef({ text: addressText, free: addressFree });
  useEffect(() => {
    if (addressText !== written.current.text) setText(addressText);
    if (addressFree !== written.current.free) setFreeThisWeek(addressFree);
    written.current = { text: addressText, free: addressFree };
  }, [addressText, addressFree]);
  useEffect(() => {
    // While a pause is pending, the address keeps the text it has.
    const settled = typed === text ? typed : written.current.text;
    if (settled === written.current.text && freeThisWeek === written.current.free) return;
    written.current = { text: settled, free: freeThisWeek };
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (settled.trim()) next.set('q', settled);
        else next.delete('q');
        if (freeThisWeek) next.set('free', '1');
        else next.delete('free');
        return next;
      },
      { replace: true },
    );
  }, [typed, text, freeThisWeek, setParams]);

  const q = typed.trim().slice(0, MAX_SEARCH_LENGTH);
  const mentors = useApiQuery('/api/orgs/{orgId}/mentors', {
    params: { path: { orgId }, query: mentorsQuery(q, freeThisWeek) },
  });
  // The last results stay on screen while the next ones load, without flicker.
  const [shown, setShown] = useState<MentorSummary[] | null>(null);
  useEffect(() => {
    if (mentors.data) setShown(mentors.data.mentors);
  }, [mentors.data]);

  const searching = Boolean(q) || freeThisWeek;
  // An organisation without mentors has no directory to show.
  if (shown && shown.length === 0 && !searching && !text) return null;

  let emptyTitle = 'No mentors yet';
  if (q) emptyTitle = `No mentors match “${q}”${freeThisWeek ? ' with free time this week' : ''}`;
  else if (freeThisWeek) emptyTitle = 'No mentors have free time this week';

  return (
    <section className="directory" aria-labelledby={headingId}>
      <h2 className="directory__title" id={headingId}>
        Mentors
      </h2>
      <div className="directory__filters">
        <TextField
          label="Search mentors"
          type="search"
          placeholder="Name, skill or anything in their profile"
          maxLength={MAX_SEARCH_LENGTH}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Checkbox
          label="Free this week"
          checked={freeThisWeek}
          onChange={(event) => setFreeThisWeek(event.target.checked)}
        />
      </div>
      <ErrorAlert message={mentors.error?.message} />
      {shown === null && mentors.loading ? <Loading /> : null}
      {shown && shown.length === 0 && !mentors.loading ? (
        <EmptyState title={emptyTitle} icon="🔍" />
      ) : null}
      {shown && shown.length > 0 ? (
        <ul
          className="member-grid directory__results"
          aria-label="Mentors found"
          aria-busy={mentors.loading}
        >
          {shown.map((mentor) => (
            <MentorCard
              key={mentor.userId}
              orgId={orgId}
              mentor={mentor}
              viewerTimeZone={viewerTimeZone}
            />
          ))}
        </ul>
      ) : null}
      {shown && shown.length >= PAGE_SIZE ? (
        <p className="directory__more">
          Showing the first {PAGE_SIZE}. Add words to narrow the search.
        </p>
      ) : null}
    </section>
  );
}
