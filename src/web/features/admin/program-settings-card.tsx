import { type FormEvent, useState } from 'react';
import type { ProgramMode, ResponseOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { programModeLabels } from '../../ui/labels.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type Program = ResponseOf<'/api/orgs/{orgId}/programs/{programId}', 'get'>;

type Draft = {
  name: string;
  description: string;
  mode: ProgramMode;
  expiryDays: string;
  lateCancelHours: string;
  moveNoticeHours: string;
  maxMoves: string;
  autoApproveAllowed: boolean;
  pricesAllowed: boolean;
  startsOn: string;
  endsOn: string;
};

const draftOf = (p: Program): Draft => ({
  name: p.name,
  description: p.description,
  mode: p.mode,
  expiryDays: String(p.expiryDays),
  lateCancelHours: String(p.lateCancelHours),
  moveNoticeHours: String(p.moveNoticeHours),
  maxMoves: String(p.maxMoves),
  autoApproveAllowed: p.autoApproveAllowed,
  pricesAllowed: p.pricesAllowed,
  startsOn: p.startsOn ?? '',
  endsOn: p.endsOn ?? '',
});

/** A number field's text as the API takes it: a number, or the text itself for the server to name. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * A program's settings (issue #13): how it pairs people, how long requests
 * wait, the cancellation and move rules, whether mentors' automatic approval
 * and paid sessions apply here, and the cohort's days.
 */
export function ProgramSettingsCard({
  orgId,
  program,
  onSaved,
}: {
  orgId: string;
  program: Program;
  onSaved: () => void;
}) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(program));
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const errors = submission.fieldErrors;
  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(() =>
      ok(
        api.PATCH('/api/orgs/{orgId}/programs/{programId}', {
          params: { path: { orgId, programId: program.id } },
          body: {
            name: draft.name,
            description: draft.description,
            mode: draft.mode,
            expiryDays: numberOf(draft.expiryDays),
            lateCancelHours: numberOf(draft.lateCancelHours),
            moveNoticeHours: numberOf(draft.moveNoticeHours),
            maxMoves: numberOf(draft.maxMoves),
            autoApproveAllowed: draft.autoApproveAllowed,
            pricesAllowed: draft.pricesAllowed,
            startsOn: draft.startsOn || null,
            endsOn: draft.endsOn || null,
          },
        }),
      ),
    );
    if (result.ok) {
      setSaved(true);
      onSaved();
    }
  }

  const number = (key: 'expiryDays' | 'lateCancelHours' | 'moveNoticeHours' | 'maxMoves') => ({
    type: 'number',
    inputMode: 'numeric' as const,
    value: draft[key],
    error: errors[key],
    onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
  });

  return (
    <Card
      title="Settings"
      id="program-settings"
      description="The rules of this program; they apply to bookings made from now on."
    >
      <form className="form" aria-label="Program settings" onSubmit={save} noValidate>
        <TextField
          label="Name"
          value={draft.name}
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextAreaField
          label="Description"
          rows={3}
          value={draft.description}
          error={errors.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <SelectField
          label="Mode"
          value={draft.mode}
          error={errors.mode}
          hint={
            draft.mode === 'matched'
              ? 'Admins pair each mentee with a mentor.'
              : 'Mentees pick any mentor in the program.'
          }
          onChange={(e) => set({ mode: e.target.value as ProgramMode })}
        >
          <option value="matched">{programModeLabels.matched}</option>
          <option value="a_la_carte">{programModeLabels.a_la_carte}</option>
        </SelectField>
        <div className="form__row">
          <TextField
            label="Requests expire after (days)"
            hint="Unanswered requests close after this many days, or at their start."
            min={1}
            max={60}
            {...number('expiryDays')}
          />
          <TextField
            label="Late cancellation (hours before)"
            hint="A mentee cancelling later than this gets no refund."
            min={0}
            max={336}
            {...number('lateCancelHours')}
          />
        </div>
        <div className="form__row">
          <TextField
            label="Moves allowed until (hours before)"
            hint="…and to a time at least this far ahead."
            min={0}
            max={336}
            {...number('moveNoticeHours')}
          />
          <TextField label="Moves per session" min={0} max={10} {...number('maxMoves')} />
        </div>
        <Checkbox
          label="Mentors who approve automatically may do so in this program"
          checked={draft.autoApproveAllowed}
          onChange={(e) => set({ autoApproveAllowed: e.target.checked })}
        />
        <Checkbox
          label="Paid session types may be booked in this program"
          checked={draft.pricesAllowed}
          onChange={(e) => set({ pricesAllowed: e.target.checked })}
        />
        <div className="form__row">
          <TextField
            label="Cohort starts"
            type="date"
            hint="Optional: sessions only from this day (on the mentor's clock)."
            value={draft.startsOn}
            error={errors.startsOn}
            onChange={(e) => set({ startsOn: e.target.value })}
          />
          <TextField
            label="Cohort ends"
            type="date"
            hint="Optional: the last day sessions may take place."
            value={draft.endsOn}
            error={errors.endsOn}
            onChange={(e) => set({ endsOn: e.target.value })}
          />
        </div>
        <ErrorAlert message={submission.error} />
        <StatusAlert message={saved ? 'Settings saved.' : null} />
        <div className="button-row">
          <Button type="submit" variant="primary" pending={submission.pending}>
            Save settings
          </Button>
        </div>
      </form>
    </Card>
  );
}
