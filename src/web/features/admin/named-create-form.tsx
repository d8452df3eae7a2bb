import { type FormEvent, type ReactNode, useState } from 'react';
import type { FieldErrors } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';

type NamedCreateFormProps = {
  /** Lower case, as in "New group" and "Create group". */
  noun: string;
  /** Creates it from the name and description; further body fields are the caller's. */
  create: (fields: { name: string; description: string }) => Promise<{ name: string }>;
  descriptionRows: number;
  /** Further inputs, shown after the description. */
  extraFields?: (fieldErrors: FieldErrors) => ReactNode;
  onCreated: () => void;
};

/** A subform that creates something with a name and a description, then clears them. */
export function NamedCreateForm({
  noun,
  create,
  descriptionRows,
  extraFields,
  onCreated,
}: NamedCreateFormProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const submission = useSubmission();
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await submission.run(() =>
      create({ name: name.trim(), description: description.trim() }),
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
      <h3 className="subform__title">{`New ${noun}`}</h3>
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
        rows={descriptionRows}
        value={description}
        error={submission.fieldErrors.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      {extraFields?.(submission.fieldErrors)}
      <ErrorAlert message={submission.error} />
      {created ? (
        <Alert tone="success">
          {Noun} “{created}” created.
        </Alert>
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          {`Create ${noun}`}
        </Button>
      </div>
    </form>
  );
}
