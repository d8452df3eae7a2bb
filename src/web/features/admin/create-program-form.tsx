import { useState } from 'react';
import type { ProgramMode } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { SelectField } from '../../ui/field.tsx';
import { programModeLabels } from '../../ui/labels.ts';
import { useApi } from '../auth/session-context.tsx';
import { NamedCreateForm } from './named-create-form.tsx';

const modeHints: Record<ProgramMode, string> = {
  matched: 'Admins pair each mentee with a mentor.',
  a_la_carte: 'Mentees pick any mentor in the program.',
};

export function CreateProgramForm({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  const [mode, setMode] = useState<ProgramMode>('matched');
  const api = useApi();
  return (
    <NamedCreateForm
      noun="program"
      create={(fields) =>
        ok(
          api.POST('/api/orgs/{orgId}/programs', {
            params: { path: { orgId } },
            body: { ...fields, mode },
          }),
        )
      }
      descriptionRows={3}
      extraFields={(fieldErrors) => (
        <SelectField
          label="Mode"
          name="mode"
          value={mode}
          hint={modeHints[mode]}
          error={fieldErrors.mode}
          onChange={(event) => setMode(event.target.value as ProgramMode)}
        >
          <option value="matched">{programModeLabels.matched}</option>
          <option value="a_la_carte">{programModeLabels.a_la_carte}</option>
        </SelectField>
      )}
      onCreated={onCreated}
    />
  );
}
