import { type FormEvent, useState } from 'react';
import type { VideoSettings } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type Provider = VideoSettings['provider'];

const providerLabels: Record<Provider, string> = {
  jitsi: 'Jitsi Meet (a private room per session)',
  zoom: 'Zoom (a meeting per session, from your Zoom account)',
  manual: 'Mentors add their own link',
};

/**
 * How the organisation's approved sessions meet. The Zoom client secret is
 * write-only: the server says whether one is stored, never what it is.
 */
export function VideoSection({ orgId, onChanged }: { orgId: string; onChanged: () => void }) {
  const settings = useApiQuery('/api/orgs/{orgId}/video', { params: { path: { orgId } } });
  return (
    <Card title="Video" id="video" description="Where approved sessions meet.">
      <ErrorAlert message={settings.error?.message} />
      {settings.data ? (
        <VideoForm
          orgId={orgId}
          current={settings.data}
          onSaved={(saved) => {
            settings.setData(saved);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

type VideoFormProps = {
  orgId: string;
  /** what is stored; the inputs start from it and are the admin's from then on */
  current: VideoSettings;
  onSaved: (saved: VideoSettings) => void;
};

function VideoForm({ orgId, current, onSaved }: VideoFormProps) {
  const api = useApi();
  const submission = useSubmission();
  const [provider, setProvider] = useState<Provider>(current.provider);
  const [accountId, setAccountId] = useState(current.zoom.accountId ?? '');
  const [clientId, setClientId] = useState(current.zoom.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const zoom =
      provider === 'zoom'
        ? {
            accountId: accountId.trim(),
            clientId: clientId.trim(),
            ...(clientSecret ? { clientSecret } : {}),
          }
        : undefined;
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/orgs/{orgId}/video', {
          params: { path: { orgId } },
          body: { provider, ...(zoom ? { zoom } : {}) },
        }),
      ),
    );
    if (result.ok) {
      setClientSecret('');
      setSaved(true);
      onSaved(result.value);
    }
  }

  const errors = submission.fieldErrors;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <SelectField
        label="Meetings"
        name="provider"
        value={provider}
        error={errors.provider}
        onChange={(event) => setProvider(event.target.value as Provider)}
      >
        {(Object.keys(providerLabels) as Provider[]).map((name) => (
          <option key={name} value={name}>
            {providerLabels[name]}
          </option>
        ))}
      </SelectField>
      {provider === 'zoom' ? (
        <fieldset className="subform">
          <legend className="subform__title">Zoom Server-to-Server OAuth app</legend>
          {!current.canSealSecrets ? (
            <Alert tone="warning">
              The server has no SECRETS_KEY, so it cannot store a Zoom client secret.
            </Alert>
          ) : null}
          <TextField
            label="Account ID"
            name="accountId"
            value={accountId}
            error={errors.accountId}
            onChange={(event) => setAccountId(event.target.value)}
          />
          <TextField
            label="Client ID"
            name="clientId"
            value={clientId}
            error={errors.clientId}
            onChange={(event) => setClientId(event.target.value)}
          />
          <TextField
            label="Client secret"
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            value={clientSecret}
            error={errors.clientSecret}
            hint={
              current.zoom.clientSecretSet
                ? 'A secret is stored. Leave empty to keep it.'
                : 'Stored encrypted; never shown again.'
            }
            onChange={(event) => setClientSecret(event.target.value)}
          />
        </fieldset>
      ) : null}
      <ErrorAlert message={submission.error} />
      {saved ? <Alert tone="success">Video settings saved.</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Save video settings
        </Button>
      </div>
    </form>
  );
}
