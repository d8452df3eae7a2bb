import type { FieldErrors } from '../../api.ts';
import { Checkbox, ChoiceGroup } from '../../ui/checkbox.tsx';
import { TextField } from '../../ui/field.tsx';
import { type AvailabilityDraft, standardSlotLengths } from './availability-draft.ts';

type Settings = Pick<
  AvailabilityDraft,
  'slotLengths' | 'bufferBefore' | 'bufferAfter' | 'noticeHours' | 'horizonDays' | 'autoApprove'
>;

type BookingSettingsFieldsProps = {
  draft: Settings;
  errors: FieldErrors;
  onChange: (changes: Partial<Settings>) => void;
};

/** Slot lengths, buffers, notice, horizon and auto-approval: how mentees may book the weekly hours. */
export function BookingSettingsFields({ draft, errors, onChange }: BookingSettingsFieldsProps) {
  // Keep any length saved elsewhere (e.g. 20 minutes) visible so it is not lost unseen.
  const lengths = [...new Set([...standardSlotLengths, ...draft.slotLengths])].sort(
    (a, b) => a - b,
  );
  function toggleLength(length: number, on: boolean) {
    const chosen = new Set(draft.slotLengths);
    if (on) chosen.add(length);
    else chosen.delete(length);
    onChange({ slotLengths: [...chosen].sort((a, b) => a - b) });
  }

  return (
    <>
      <ChoiceGroup
        legend="Slot lengths"
        hint="Mentees can book any of these lengths."
        error={errors.slotLengths}
      >
        {lengths.map((length) => (
          <Checkbox
            key={length}
            label={`${length} min`}
            checked={draft.slotLengths.includes(length)}
            onChange={(event) => toggleLength(length, event.target.checked)}
          />
        ))}
      </ChoiceGroup>
      <div className="form__row">
        <TextField
          label="Buffer before (minutes)"
          name="bufferBeforeMinutes"
          type="number"
          min={0}
          max={240}
          inputMode="numeric"
          value={draft.bufferBefore}
          error={errors.bufferBeforeMinutes}
          onChange={(event) => onChange({ bufferBefore: event.target.value })}
        />
        <TextField
          label="Buffer after (minutes)"
          name="bufferAfterMinutes"
          type="number"
          min={0}
          max={240}
          inputMode="numeric"
          value={draft.bufferAfter}
          error={errors.bufferAfterMinutes}
          onChange={(event) => onChange({ bufferAfter: event.target.value })}
        />
        <TextField
          label="Minimum notice (hours)"
          name="minimumNoticeMinutes"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          hint="How long before a slot it can still be booked."
          value={draft.noticeHours}
          error={errors.minimumNoticeMinutes}
          onChange={(event) => onChange({ noticeHours: event.target.value })}
        />
        <TextField
          label="Booking horizon (days)"
          name="horizonDays"
          type="number"
          min={1}
          max={365}
          inputMode="numeric"
          hint="How far ahead mentees can book."
          value={draft.horizonDays}
          error={errors.horizonDays}
          onChange={(event) => onChange({ horizonDays: event.target.value })}
        />
      </div>
      <Checkbox
        label="Approve bookings automatically"
        checked={draft.autoApprove}
        onChange={(event) => onChange({ autoApprove: event.target.checked })}
      />
      <p className="field__hint">
        New bookings are confirmed at once, with their meeting link; a booking that clashes with
        your calendar still waits for you.
      </p>
    </>
  );
}
