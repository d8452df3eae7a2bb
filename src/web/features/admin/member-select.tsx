import { useState } from 'react';
import type { Member } from '../../api/types.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';

const SHOWN = 25;

type MemberSelectProps = {
  orgId: string;
  value: string;
  /** told the member chosen (null: none) */
  onChange: (member: Member | null) => void;
  /** members not to offer (already in the program or group) */
  excludeIds: ReadonlySet<string>;
  error?: string | undefined;
};

/**
 * Find a member, then choose them: the server searches names (each word a
 * prefix) and returns the first few by name, so the picker is as quick at
 * 100,000 members as at ten; email tells namesakes apart.
 */
export function MemberSelect({ orgId, value, onChange, excludeIds, error }: MemberSelectProps) {
  const [search, setSearch] = useState('');
  const words = useDebouncedValue(search.trim(), 250);
  const found = useApiQuery('/api/orgs/{orgId}/members', {
    params: {
      path: { orgId },
      query: {
        // Enough to fill the list past those already in; the API gives at most 500.
        limit: Math.min(500, SHOWN + excludeIds.size),
        status: 'active',
        ...(words ? { q: words } : {}),
      },
    },
  });
  const offered = (found.data?.members ?? [])
    .filter((m) => !excludeIds.has(m.userId))
    .slice(0, SHOWN);
  const more = (found.data?.total ?? 0) - excludeIds.size > offered.length;
  return (
    <>
      <TextField
        label="Find a member"
        type="search"
        maxLength={200}
        value={search}
        hint={more ? `The first ${SHOWN} by name; type to narrow.` : undefined}
        onChange={(event) => {
          setSearch(event.target.value);
          onChange(null);
        }}
      />
      <SelectField
        label="Member"
        name="userId"
        value={value}
        error={error}
        required
        onChange={(event) => onChange(offered.find((m) => m.userId === event.target.value) ?? null)}
      >
        <option value="">
          {found.data && offered.length === 0 ? 'Nobody found' : 'Choose a member…'}
        </option>
        {offered.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.email ? `${member.name} (${member.email})` : member.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
