import { type FormEvent, useState } from 'react';
import type { Organisation } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useSession } from '../auth/session-context.tsx';
import { rememberOrgId } from './current-org.ts';

/** Starts an organisation; its creator becomes the admin. */
export function CreateOrganisationForm({ onCreated }: { onCreated: (org: Organisation) => void }) {
  const { api, refresh } = useSession();
  const [name, setName] = useState('');
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submission.run(async () => {
      const created = await ok(api.POST('/api/orgs', { body: { name: name.trim() } }));
      rememberOrgId(created.id);
      // Told before the session reloads, so the page can go to the new org, not the default.
      onCreated(created);
      await refresh();
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={submission.error} />
      <TextField
        label="Organisation name"
        name="name"
        required
        placeholder="e.g. Women in Engineering Network"
        value={name}
        error={submission.fieldErrors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <Button type="submit" variant="primary" pending={submission.pending}>
        Create organisation
      </Button>
    </form>
  );
}
