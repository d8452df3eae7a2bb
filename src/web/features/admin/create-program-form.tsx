import { type FormEvent, useState } from 'react';
import type { Program, ProgramMode } from '../../api-types.ts';
import { programModeLabels } from '../../api-types.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

const modeHints: Record<ProgramMode, string> = {
  matched: 'Admins pair each mentee with a mentor.',
  a_la_carte: 'Mentees pick any mentor in the program.',
};

export function CreateProgramForm({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<ProgramMode>('matched');
  const [created, setCreated] = useState<string | null>(null);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await submission.run(() =>
      api.post<Program>(`/api/orgs/${orgId}/programs`, {
        name: name.trim(),
        description: description.trim(),
        mode,
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
      <h3 className="subform__title">New program</h3>
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
        rows={3}
        value={description}
        error={submission.fieldErrors.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <SelectField
        label="Mode"
        name="mode"
        value={mode}
        hint={modeHints[mode]}
        error={submission.fieldErrors.mode}
        onChange={(event) => setMode(event.target.value as ProgramMode)}
      >
        <option value="matched">{programModeLabels.matched}</option>
        <option value="a_la_carte">{programModeLabels.a_la_carte}</option>
      </SelectField>
      <ErrorAlert message={submission.error} />
      {created ? <Alert tone="success">Program “{created}” created.</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Create program
        </Button>
      </div>
    </form>
  );
}
