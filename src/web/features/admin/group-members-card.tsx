import { type FormEvent, useState } from 'react';
import type { GroupDetail, Member } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { MemberSelect } from './member-select.tsx';

type GroupMembersCardProps = {
  orgId: string;
  group: GroupDetail;
  onChanged: () => void;
};

/** Who is in a group; admins add and remove people. */
export function GroupMembersCard({ orgId, group, onChanged }: GroupMembersCardProps) {
  const api = useApi();
  const [person, setPerson] = useState<Member | null>(null);
  const [missing, setMissing] = useState(false);
  const submission = useSubmission();
  const member = (userId: string) => ({ params: { path: { orgId, groupId: group.id, userId } } });
  const path = '/api/orgs/{orgId}/groups/{groupId}/members/{userId}' as const;
  const inGroup = new Set(group.members.map((member) => member.userId));
  const sorted = [...group.members].sort((a, b) => a.name.localeCompare(b.name));

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!person);
    if (!person) return;
    const result = await submission.run(() => ok(api.PUT(path, member(person.userId))));
    if (result.ok) {
      setPerson(null);
      onChanged();
    }
  }

  async function remove(id: string) {
    const result = await submission.run(() => ok(api.DELETE(path, member(id))));
    if (result.ok) onChanged();
  }

  return (
    <Card title="People in this group">
      <ErrorAlert message={submission.error} />
      {sorted.length === 0 ? <p className="muted">Nobody is in this group yet.</p> : null}
      <ul className="item-list">
        {sorted.map((member) => (
          <li key={member.userId} className="item-list__item">
            <p className="item-list__title">{member.name}</p>
            <ConfirmButton
              label="Remove"
              accessibleLabel={`Remove ${member.name} from the group`}
              question={`Remove ${member.name} from ${group.name}?`}
              confirmLabel="Yes, remove"
              pending={submission.pending}
              onConfirm={() => remove(member.userId)}
            />
          </li>
        ))}
      </ul>
      <form className="form subform form--inline" onSubmit={add} noValidate>
        <MemberSelect
          orgId={orgId}
          excludeIds={inGroup}
          value={person?.userId ?? ''}
          error={missing ? 'Choose who to add first.' : undefined}
          onChange={(chosen) => {
            setPerson(chosen);
            setMissing(false);
          }}
        />
        <Button type="submit" variant="primary" pending={submission.pending}>
          Add to group
        </Button>
      </form>
    </Card>
  );
}
