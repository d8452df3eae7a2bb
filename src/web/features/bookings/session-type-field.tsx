import type { SessionType } from '../../api/types.ts';
import { SelectField } from '../../ui/field.tsx';
import { formatMoney } from '../../ui/format-money.ts';

/** "Career review · 60 min · €50" */
export function sessionTypeLabel(type: SessionType): string {
  return [type.name, `${type.durationMinutes} min`, type.price ? formatMoney(type.price) : 'Free']
    .filter(Boolean)
    .join(' · ');
}

/** The types that fit a slot of `lengthMinutes`: a type's length is the booking's length. */
export function typesFor(types: SessionType[], lengthMinutes: number): SessionType[] {
  return types.filter((type) => type.durationMinutes === lengthMinutes);
}

type SessionTypeFieldProps = {
  types: SessionType[];
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
};

/** The mentor's kinds of session with their length and price. */
export function SessionTypeField({ types, value, onChange, error }: SessionTypeFieldProps) {
  const chosen = types.find((type) => type.id === value);
  return (
    <SelectField
      label="Session type"
      name="sessionTypeId"
      value={value}
      error={error}
      hint={
        chosen?.price
          ? `${formatMoney(chosen.price)}, held while the mentor decides and refunded if the booking is not approved.`
          : undefined
      }
      onChange={(event) => onChange(event.target.value)}
    >
      {types.map((type) => (
        <option key={type.id} value={type.id}>
          {sessionTypeLabel(type)}
        </option>
      ))}
    </SelectField>
  );
}
