import { type FormEvent, useState } from 'react';
import type { ProgramRole, ProgramSummary, ResponseOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { CopyField } from '../../ui/copy-field.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type SsoView = ResponseOf<'/api/orgs/{orgId}/sso', 'get'>;

/**
 * Admin → Sign-in (issue #13): the organisation's OpenID Connect provider,
 * the domains it lets in, where first-timers go, and whether those domains
 * may still use passwords.
 */
export function SingleSignOnSection({
  orgId,
  programs,
}: {
  orgId: string;
  programs: ProgramSummary[];
}) {
  const view = useApiQuery('/api/orgs/{orgId}/sso', { params: { path: { orgId } } });
  // Here, not in the form: the form starts afresh from what was saved.
  const [done, setDone] = useState<string | null>(null);
  return (
    <Card
      title="Single sign-on"
      id="single-sign-on"
      description="Let people sign in with your organisation's accounts (OpenID Connect): Google Workspace, Microsoft Entra, Okta, Keycloak and others."
    >
      {view.loading ? <Loading /> : null}
      <ErrorAlert message={view.error?.message} />
      {view.data ? (
        <SsoForm
          key={JSON.stringify(view.data.sso)}
          orgId={orgId}
          view={view.data}
          programs={programs}
          onSaved={(saved) => {
            view.setData(saved);
            setDone(
              `Saved. The sign-in page now offers “Sign in with ${saved.sso?.displayName ?? ''}”.`,
            );
          }}
          onRemoved={() => {
            view.reload();
            setDone('Single sign-on is off. Accounts made through it stay.');
          }}
          onChanging={() => setDone(null)}
        />
      ) : null}
      <StatusAlert message={done} />
    </Card>
  );
}

function SsoForm({
  orgId,
  view,
  programs,
  onSaved,
  onRemoved,
  onChanging,
}: {
  orgId: string;
  view: SsoView;
  programs: ProgramSummary[];
  onSaved: (v: SsoView) => void;
  onRemoved: () => void;
  onChanging: () => void;
}) {
  const api = useApi();
  const submission = useSubmission();
  const current = view.sso;
  const [displayName, setDisplayName] = useState(current?.displayName ?? '');
  const [issuer, setIssuer] = useState(current?.issuer ?? '');
  const [clientId, setClientId] = useState(current?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(current?.allowedDomains.join(', ') ?? '');
  const [programId, setProgramId] = useState(current?.defaultProgramId ?? '');
  const [role, setRole] = useState<ProgramRole>(current?.defaultProgramRole ?? 'mentee');
  const [ssoOnly, setSsoOnly] = useState(current?.ssoOnly ?? false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChanging();
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/orgs/{orgId}/sso', {
          params: { path: { orgId } },
          body: {
            displayName: displayName.trim(),
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(clientSecret ? { clientSecret } : {}),
            allowedDomains: domains.split(/[\s,]+/).filter(Boolean),
            defaultProgramId: programId || null,
            defaultProgramRole: role,
            ssoOnly,
          },
        }),
      ),
    );
    if (result.ok) onSaved(result.value);
  }

  async function remove() {
    const result = await submission.run(() =>
      ok(api.DELETE('/api/orgs/{orgId}/sso', { params: { path: { orgId } } })),
    );
    if (result.ok) onRemoved();
  }

  const errors = submission.fieldErrors;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Single sign-on settings">
      {!view.secretsKeySet ? (
        <Alert tone="warning">
          The server has no SECRETS_KEY, so it cannot keep a client secret. Set one and restart.
        </Alert>
      ) : null}
      <CopyField label="Redirect URI (register it at your provider)" value={view.redirectUri} />
      <TextField
        label="Button name"
        name="displayName"
        placeholder="Northwind SSO"
        value={displayName}
        error={errors.displayName}
        hint="Shown as “Sign in with …” on the sign-in page."
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <TextField
        label="Issuer URL"
        name="issuer"
        type="url"
        placeholder="https://login.example.com"
        value={issuer}
        error={errors.issuer}
        onChange={(e) => setIssuer(e.target.value)}
      />
      <TextField
        label="Client ID"
        name="clientId"
        value={clientId}
        error={errors.clientId}
        onChange={(e) => setClientId(e.target.value)}
      />
      <TextField
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        value={clientSecret}
        error={errors.clientSecret}
        hint={
          current
            ? 'A secret is stored. Leave empty to keep it.'
            : 'Stored encrypted; never shown again.'
        }
        onChange={(e) => setClientSecret(e.target.value)}
      />
      <TextField
        label="Allowed email domains"
        name="allowedDomains"
        placeholder="northwind.example, corp.northwind.example"
        value={domains}
        error={errors.allowedDomains}
        hint="People with a verified address of these domains get an account the first time they sign in."
        onChange={(e) => setDomains(e.target.value)}
      />
      <SelectField
        label="First-timers join the program"
        name="defaultProgramId"
        value={programId}
        error={errors.defaultProgramId}
        onChange={(e) => setProgramId(e.target.value)}
      >
        <option value="">No program (the organisation only)</option>
        {programs
          .filter((p) => !p.archivedAt)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </SelectField>
      {programId ? (
        <SelectField
          label="As"
          name="defaultProgramRole"
          value={role}
          onChange={(e) => setRole(e.target.value as ProgramRole)}
        >
          <option value="mentee">Mentee</option>
          <option value="mentor">Mentor</option>
        </SelectField>
      ) : null}
      <Checkbox
        label="SSO only: people of these domains cannot sign in with a password"
        checked={ssoOnly}
        onChange={(e) => setSsoOnly(e.target.checked)}
      />
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Save single sign-on
        </Button>
        {current ? (
          <Button variant="danger" pending={submission.pending} onClick={remove}>
            Turn off
          </Button>
        ) : null}
      </div>
    </form>
  );
}
