import { type FormEvent, useState } from 'react';
import type { ApiToken, ApiTokenScope, NewApiToken } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { CopyField } from '../../ui/copy-field.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useViewerTimeZone } from '../auth/session-context.tsx';

/** How long a new token may live; the API allows 1–365 days. */
const lifetimes = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
];

/** Personal API tokens: create one (its secret is shown once), list them, revoke them. */
export function ApiTokensCard() {
  const api = useApi();
  const timeZone = useViewerTimeZone();
  const tokens = useApiQuery('/api/auth/tokens');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('read');
  const [expiresInDays, setExpiresInDays] = useState(90);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const creation = useSubmission();
  const revocation = useSubmission();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await creation.run(() =>
      ok(api.POST('/api/auth/tokens', { body: { name: name.trim(), scope, expiresInDays } })),
    );
    if (result.ok) {
      setCreated(result.value);
      setName('');
      tokens.reload();
    }
  }

  async function revoke(token: ApiToken) {
    const result = await revocation.run(() =>
      ok(api.DELETE('/api/auth/tokens/{tokenId}', { params: { path: { tokenId: token.id } } })),
    );
    if (result.ok) {
      if (created?.id === token.id) setCreated(null);
      tokens.reload();
    }
  }

  const list = tokens.data?.tokens ?? [];
  return (
    <Card
      title="API tokens"
      description="For scripts and integrations: send a token as Authorization: Bearer <token>. Tokens expire, and changing your password revokes them all."
    >
      <form className="form form--inline" onSubmit={create} noValidate>
        <TextField
          label="Name"
          name="name"
          placeholder="e.g. Calendar sync"
          required
          value={name}
          error={creation.fieldErrors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          label="Access"
          name="scope"
          value={scope}
          error={creation.fieldErrors.scope}
          onChange={(event) => setScope(event.target.value as ApiTokenScope)}
        >
          <option value="read">Read only</option>
          <option value="full">Read and write</option>
        </SelectField>
        <SelectField
          label="Expires after"
          name="expiresInDays"
          value={String(expiresInDays)}
          error={creation.fieldErrors.expiresInDays}
          onChange={(event) => setExpiresInDays(Number(event.target.value))}
        >
          {lifetimes.map((l) => (
            <option key={l.days} value={l.days}>
              {l.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" pending={creation.pending}>
          Create token
        </Button>
      </form>
      <ErrorAlert message={creation.error} />
      {created ? (
        <Alert tone="success">
          <p>Token “{created.name}” created. Copy it now: it will not be shown again.</p>
          <CopyField label="New token" value={created.token} />
        </Alert>
      ) : null}
      <ErrorAlert message={tokens.error?.message ?? revocation.error} />
      {tokens.data && list.length === 0 ? <p className="muted">No tokens yet.</p> : null}
      {list.length > 0 ? (
        <ul className="item-list">
          {list.map((token) => (
            <li key={token.id} className="item-list__item">
              <div>
                <p className="item-list__title">{token.name}</p>
                <p className="item-list__meta">
                  {token.scope === 'read' ? 'Read only' : 'Read and write'} · Created{' '}
                  {formatDateTime(token.createdAt, timeZone)} ·{' '}
                  {token.lastUsedAt
                    ? `last used ${formatDateTime(token.lastUsedAt, timeZone)}`
                    : 'never used'}
                  {token.expiresAt
                    ? ` · expires ${formatDateTime(token.expiresAt, timeZone)}`
                    : ' · never expires'}
                </p>
              </div>
              <Button
                size="small"
                variant="danger"
                aria-label={`Revoke token ${token.name}`}
                onClick={() => revoke(token)}
                disabled={revocation.pending}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
