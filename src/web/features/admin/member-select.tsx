import type { Member } from '../../api/types.ts';
import { SelectField } from '../../ui/field.tsx';

type MemberSelectProps = {
  members: Member[];
  value: string;
  onChange: (userId: string) => void;
  error?: string | undefined;
};

/** A "Member" select over organisation members, by name with email to tell namesakes apart. */
export function MemberSelect({ members, value, onChange, error }: MemberSelectProps) {
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <SelectField
      label="Member"
      name="userId"
      value={value}
      error={error}
      required
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">Choose a member…</option>
      {sorted.map((member) => (
        <option key={member.userId} value={member.userId}>
          {member.email ? `${member.name} (${member.email})` : member.name}
        </option>
      ))}
    </SelectField>
  );
}
