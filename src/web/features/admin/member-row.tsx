import { useState } from 'react';
import type { Member, OrgRole } from '../../api/types.ts';
import { Avatar } from '../../ui/avatar.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { formatDate } from '../../ui/format-date-time.ts';
import { orgRoleLabels } from '../../ui/labels.ts';
import { ReasonForm } from '../../ui/reason-form.tsx';
import { ProgramRoles } from '../profile/program-roles.tsx';

type MemberRowProps = {
  member: Member;
  isYou: boolean;
  programNames: Map<string, string>;
  timeZone: string;
  busy: boolean;
  onChangeRole: (member: Member, role: OrgRole) => Promise<void>;
  onRemove: (member: Member) => Promise<void>;
  /** resolves true once done, so the form closes */
  onDeactivate: (member: Member, reason: string) => Promise<boolean>;
  onReactivate: (member: Member) => Promise<void>;
  /** the last deactivation's refusal, shown in its form */
  deactivateError: string | null;
};

export function MemberRow({
  member,
  isYou,
  programNames,
  timeZone,
  busy,
  onChangeRole,
  onRemove,
  onDeactivate,
  onReactivate,
  deactivateError,
}: MemberRowProps) {
  // A role change is asked first: making someone admin hands them everything here.
  const [asked, setAsked] = useState<OrgRole | null>(null);
  const [deactivating, setDeactivating] = useState(false);
  return (
    <tr>
      <td data-label="Person">
        <div className="person-cell">
          <Avatar name={member.name} photoUrl={member.photoUrl} size="small" decorative />
          <div>
            <p className="person-cell__name">
              {member.name}
              {isYou ? <span className="muted"> (you)</span> : null}{' '}
              {member.deactivatedAt ? (
                <span className="badge badge--warning">
                  Deactivated {formatDate(member.deactivatedAt, timeZone)}
                </span>
              ) : null}
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
        {isYou ? null : member.deactivatedAt ? (
          <Button
            size="small"
            aria-label={`Reactivate ${member.name}`}
            pending={busy}
            onClick={() => onReactivate(member)}
          >
            Reactivate
          </Button>
        ) : deactivating ? (
          <ReasonForm
            label={`Deactivate ${member.name}`}
            submitLabel="Yes, deactivate"
            keepLabel="Keep active"
            hint="Told to both sides of every booking it closes."
            pending={busy}
            error={deactivateError}
            fieldError={undefined}
            onSubmit={async (reason) => {
              if (await onDeactivate(member, reason)) setDeactivating(false);
            }}
            onClose={() => setDeactivating(false)}
          >
            <p className="confirm__question">
              Deactivate {member.name}? They can no longer sign in here or be booked; their open
              requests are declined and sessions to come cancelled, with refunds. You can reactivate
              them later.
            </p>
          </ReasonForm>
        ) : (
          <Button
            size="small"
            variant="danger"
            aria-label={`Deactivate ${member.name}`}
            onClick={() => setDeactivating(true)}
          >
            Deactivate
          </Button>
        )}{' '}
        {isYou || deactivating ? null : (
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
