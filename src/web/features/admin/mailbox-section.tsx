import { useState } from 'react';
import type { Delivery } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useViewerTimeZone } from '../auth/session-context.tsx';

type Status = Delivery['status'];

const statusWords: Record<Status, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  retrying: 'Retrying',
  failed: 'Failed',
};
const statusTones: Record<Status, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = {
  queued: 'neutral',
  sending: 'accent',
  sent: 'success',
  retrying: 'warning',
  failed: 'danger',
};

/**
 * The Mailbox: every email sent to the organisation's members, newest first,
 * with its delivery status and the server's answer when it failed; each one
 * opens as its reader sees it. Without an SMTP server this is where the mail goes.
 */
export function MailboxSection({ orgId }: { orgId: string }) {
  const zone = useViewerTimeZone();
  const [status, setStatus] = useState<Status | ''>('');
  const [open, setOpen] = useState<number | null>(null);
  const list = useApiQuery('/api/orgs/{orgId}/deliveries', {
    params: { path: { orgId }, query: { limit: 50, ...(status ? { status } : {}) } },
  });
  const deliveries = list.data?.deliveries ?? [];
  return (
    <Card
      title="Mailbox"
      id="mailbox"
      description="The emails Confer sent your members, as they received them, with what the mail server answered."
      actions={
        <Button size="small" onClick={list.reload}>
          Refresh
        </Button>
      }
    >
      <label className="field mailbox__filter">
        <span className="field__label">Show</span>
        <select value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
          <option value="">All emails</option>
          {(Object.keys(statusWords) as Status[]).map((s) => (
            <option key={s} value={s}>
              {statusWords[s]}
            </option>
          ))}
        </select>
      </label>
      {list.loading ? <Loading /> : null}
      <ErrorAlert message={list.error?.message} />
      {list.data && deliveries.length === 0 ? <p className="muted">No emails yet.</p> : null}
      <ul className="mailbox" aria-label="Emails">
        {deliveries.map((d) => (
          <li key={d.id} className="mailbox__item">
            <p>
              <strong>{d.subject ?? d.notification.title}</strong>{' '}
              <Badge tone={statusTones[d.status]}>{statusWords[d.status]}</Badge>
            </p>
            <p className="muted">
              To {d.recipient.name} &lt;{d.recipient.email}&gt; ·{' '}
              {formatDateTime(d.sentAt ?? d.createdAt, zone)}
              {d.attempts > 1 ? ` · ${d.attempts} attempts` : ''}
            </p>
            {d.invitation ? (
              <p className="muted">
                With a calendar {d.invitation === 'CANCEL' ? 'cancellation' : 'invitation'}:{' '}
                <a href={`/api/orgs/${orgId}/deliveries/${d.id}/invite.ics`} download>
                  download the .ics file
                </a>
              </p>
            ) : null}
            {d.lastError && d.status !== 'sent' ? (
              <p className="muted">The mail server answered: {d.lastError}</p>
            ) : null}
            <Button
              size="small"
              aria-expanded={open === d.id}
              onClick={() => setOpen(open === d.id ? null : d.id)}
            >
              {open === d.id ? 'Hide email' : 'Show email'}
            </Button>
            {open === d.id ? (
              <iframe
                className="mailbox__preview"
                title={`Email to ${d.recipient.name}: ${d.subject ?? d.notification.title}`}
                src={`/api/orgs/${orgId}/deliveries/${d.id}/html`}
                sandbox=""
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
