import { type FormEvent, useState } from 'react';
import type { ApiToken, NewApiToken } from '../../api-types.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { CopyField } from '../../ui/copy-field.tsx';
import { TextField } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { useApiData } from '../../use-api-data.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useViewerTimeZone } from '../auth/session-context.tsx';

/** Personal API tokens: create one (its secret is shown once), list them, revoke them. */
export function ApiTokensCard() {
  const api = useApi();
  const timeZone = useViewerTimeZone();
  const tokens = useApiData<{ tokens: ApiToken[] }>('/api/auth/tokens');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const creation = useSubmission();
  const revocation = useSubmission();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await creation.run(() =>
      api.post<NewApiToken>('/api/auth/tokens', { name: name.trim() }),
    );
    if (result.ok) {
      setCreated(result.value);
      setName('');
      tokens.reload();
    }
  }

  async function revoke(token: ApiToken) {
    const result = await revocation.run(() => api.delete(`/api/auth/tokens/${token.id}`));
    if (result.ok) {
      if (created?.id === token.id) setCreated(null);
      tokens.reload();
    }
  }

  const list = tokens.data?.tokens ?? [];
  return (
    <Card
      title="API tokens"
      description="For scripts and integrations: send a token as Authorization: Bearer <token>."
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
                  Created {formatDateTime(token.createdAt, timeZone)} ·{' '}
                  {token.lastUsedAt
                    ? `last used ${formatDateTime(token.lastUsedAt, timeZone)}`
                    : 'never used'}
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
