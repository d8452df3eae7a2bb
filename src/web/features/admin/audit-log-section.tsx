import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { zonedInstant } from '../../../core/local-time.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useViewerTimeZone } from '../auth/session-context.tsx';
import { describeAction, describeDetails } from './audit-wording.ts';

const PAGE = 50;

/** Families of actions an admin filters by (the part before the dot). */
const families = [
  ['member', 'Members'],
  ['members', 'Imports'],
  ['program', 'Programs'],
  ['program_member', 'Program members'],
  ['group', 'Groups'],
  ['match', 'Matches'],
  ['session', 'Sessions'],
  ['invitation', 'Invitations'],
  ['sso', 'Single sign-on'],
  ['video', 'Video'],
] as const;

/** Where a subject of the log is shown, if it has a page. */
function subjectPath(orgId: string, type: string, id: string): string | null {
  if (type === 'user') return `/o/${orgId}/people/${id}`;
  if (type === 'program') return `/o/${orgId}/admin/programs/${id}`;
  if (type === 'group') return `/o/${orgId}/admin/groups/${id}`;
  return null;
}

/**
 * Admin → Audit log (issue #13): every change, newest first, a page at a
 * time; filtered by kind, subject and days; in words with links to what was
 * changed; the same as CSV.
 */
export function AuditLogSection({ orgId }: { orgId: string }) {
  const timeZone = useViewerTimeZone();
  const [family, setFamily] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState<{ type: string; id: string; name: string } | null>(null);
  // The ids each earlier page was asked before: Newer goes back one.
  const [pages, setPages] = useState<number[]>([]);
  const before = pages.at(-1);
  const dayStart = (date: string, plusDays = 0) => {
    const ms = date ? zonedInstant(date, '00:00', timeZone) : null;
    return ms === null ? undefined : new Date(ms + plusDays * 86_400_000).toISOString();
  };
  const filters = {
    ...(family ? { action: family } : {}),
    ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}),
    ...(from && dayStart(from) ? { from: dayStart(from) } : {}),
    ...(to && dayStart(to, 1) ? { to: dayStart(to, 1) } : {}),
  };
  const audit = useApiQuery('/api/orgs/{orgId}/audit', {
    params: {
      path: { orgId },
      query: { limit: PAGE, ...filters, ...(before ? { before } : {}) },
    },
  });
  const csv = `/api/orgs/${orgId}/exports/audit.csv?${new URLSearchParams(filters as Record<string, string>)}`;
  const filter = (change: () => void) => {
    change();
    setPages([]);
  };

  const events = audit.data?.events ?? [];
  // The server names the people, programs and groups the page's details mention.
  const names = useMemo(() => new Map(Object.entries(audit.data?.names ?? {})), [audit.data]);
  return (
    <Card
      title="Audit log"
      id="audit-log"
      description="Every change: who did what to whom, when and why."
      actions={
        <span className="card__links">
          <a href={csv} download>
            Export as CSV
          </a>
          <Button size="small" onClick={audit.reload}>
            Refresh
          </Button>
        </span>
      }
    >
      <div className="toolbar toolbar--filters">
        <SelectField
          label="What"
          value={family}
          onChange={(e) => filter(() => setFamily(e.target.value))}
        >
          <option value="">Everything</option>
          {families.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="From"
          type="date"
          value={from}
          onChange={(e) => filter(() => setFrom(e.target.value))}
        />
        <TextField
          label="To"
          type="date"
          value={to}
          onChange={(e) => filter(() => setTo(e.target.value))}
        />
      </div>
      {subject ? (
        <p>
          Only changes to <strong>{subject.name}</strong>.{' '}
          <Button size="small" variant="ghost" onClick={() => filter(() => setSubject(null))}>
            Show all
          </Button>
        </p>
      ) : null}
      {audit.loading ? <Loading /> : null}
      <ErrorAlert message={audit.error?.message} />
      {audit.data && events.length === 0 ? <p className="muted">Nothing matches.</p> : null}
      {events.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense table--stack">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const path = subjectPath(orgId, event.subjectType, event.subjectId);
                const name = event.subjectName ?? names.get(event.subjectId) ?? null;
                return (
                  <tr key={event.id}>
                    <td data-label="When" className="nowrap">
                      {formatDateTime(event.at, timeZone)}
                    </td>
                    <td data-label="Who">{event.actorName ?? 'System'}</td>
                    <td data-label="What">
                      {describeAction(event.action)}
                      <p className="person-cell__email">
                        {event.subjectType}
                        {name ? ': ' : ''}
                        {name && path ? <Link to={path}>{name}</Link> : name}
                        {name ? (
                          <>
                            {' '}
                            <Button
                              size="small"
                              variant="ghost"
                              aria-label={`Only this: changes to ${name}`}
                              onClick={() =>
                                filter(() =>
                                  setSubject({
                                    type: event.subjectType,
                                    id: event.subjectId,
                                    name,
                                  }),
                                )
                              }
                            >
                              Only this
                            </Button>
                          </>
                        ) : null}
                      </p>
                    </td>
                    <td data-label="Details" className="audit__details">
                      {describeDetails(event.details, names, timeZone)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.data && (pages.length > 0 || audit.data.nextBefore) ? (
        <nav className="pager" aria-label="Pages of the audit log">
          <p className="pager__status">Page {pages.length + 1}</p>
          <Button
            size="small"
            disabled={pages.length === 0}
            onClick={() => setPages((p) => p.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            size="small"
            disabled={!audit.data.nextBefore}
            onClick={() => {
              const next = audit.data?.nextBefore;
              if (next) setPages((p) => [...p, next]);
            }}
          >
            Older
          </Button>
        </nav>
      ) : null}
    </Card>
  );
}
