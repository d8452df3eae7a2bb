import { type FormEvent, useState } from 'react';
import type { Group } from '../../api-types.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

export function CreateGroupForm({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await submission.run(() =>
      api.post<Group>(`/api/orgs/${orgId}/groups`, {
        name: name.trim(),
        description: description.trim(),
      }),
    );
    if (result.ok) {
      setCreated(result.value.name);
      setName('');
      setDescription('');
      onCreated();
    }
  }

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3 className="subform__title">New group</h3>
      <TextField
        label="Name"
        name="name"
        required
        value={name}
        error={submission.fieldErrors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={2}
        value={description}
        error={submission.fieldErrors.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      {created ? <Alert tone="success">Group “{created}” created.</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Create group
        </Button>
      </div>
    </form>
  );
}
