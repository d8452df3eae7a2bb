import { useState } from 'react';
import type { Member, OrgRole } from '../../api/types.ts';
import { Avatar } from '../../ui/avatar.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { formatDate } from '../../ui/format-date-time.ts';
import { orgRoleLabels } from '../../ui/labels.ts';
import { ProgramRoles } from '../profile/program-roles.tsx';

type MemberRowProps = {
  member: Member;
  isYou: boolean;
  programNames: Map<string, string>;
  timeZone: string;
  busy: boolean;
  onChangeRole: (member: Member, role: OrgRole) => Promise<void>;
  onRemove: (member: Member) => Promise<void>;
};

export function MemberRow({
  member,
  isYou,
  programNames,
  timeZone,
  busy,
  onChangeRole,
  onRemove,
}: MemberRowProps) {
  // A role change is asked first: making someone admin hands them everything here.
  const [asked, setAsked] = useState<OrgRole | null>(null);
  return (
    <tr>
      <td data-label="Person">
        <div className="person-cell">
          <Avatar name={member.name} photoUrl={member.photoUrl} size="small" decorative />
          <div>
            <p className="person-cell__name">
              {member.name}
              {isYou ? <span className="muted"> (you)</span> : null}
            </p>
            {member.email ? <p className="person-cell__email">{member.email}</p> : null}
          </div>
        </div>
      </td>
      <td data-label="Role">
        <select
          className="input select select--compact"
          aria-label={`Role for ${member.name}`}
          value={asked ?? member.role}
          disabled={busy}
          onChange={(event) => {
            const role = event.target.value as OrgRole;
            setAsked(role === member.role ? null : role);
          }}
        >
          <option value="admin">{orgRoleLabels.admin}</option>
          <option value="member">{orgRoleLabels.member}</option>
        </select>
        {asked ? (
          <span className="confirm">
            <span className="confirm__question">
              {asked === 'admin'
                ? `Make ${member.name} an admin? They can manage everything here.`
                : `Make ${member.name} a member? They lose the admin pages.`}
            </span>
            <Button
              size="small"
              variant="primary"
              pending={busy}
              onClick={async () => {
                await onChangeRole(member, asked);
                setAsked(null);
              }}
            >
              Yes, change role
            </Button>
            <Button size="small" onClick={() => setAsked(null)}>
              Cancel
            </Button>
          </span>
        ) : null}
      </td>
      <td data-label="Programs">
        <ProgramRoles memberships={member.programs} programNames={programNames} emptyText="—" />
      </td>
      <td data-label="Joined" className="nowrap">
        {formatDate(member.joinedAt, timeZone)}
      </td>
      <td className="table__actions">
        {isYou ? null : (
          <ConfirmButton
            label="Remove"
            accessibleLabel={`Remove ${member.name}`}
            question={`Remove ${member.name} from the organisation?`}
            confirmLabel="Yes, remove"
            pending={busy}
            onConfirm={() => onRemove(member)}
          />
        )}
      </td>
    </tr>
  );
}
