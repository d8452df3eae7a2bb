import { useState } from 'react';
import type { Member, OrgRole } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useSession, useSignedInUser, useViewerTimeZone } from '../auth/session-context.tsx';
import { MemberRow } from './member-row.tsx';

type MembersSectionProps = {
  orgId: string;
  members: Member[] | undefined;
  loading: boolean;
  programNames: Map<string, string>;
  onChanged: () => void;
};

/** Everyone in the organisation: change their role, or remove them. */
export function MembersSection({
  orgId,
  members,
  loading,
  programNames,
  onChanged,
}: MembersSectionProps) {
  const { api, refresh } = useSession();
  const me = useSignedInUser();
  const timeZone = useViewerTimeZone();
  const submission = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function changeRole(member: Member, role: OrgRole) {
    setDone(null);
    const result = await submission.run(() =>
      ok(
        api.PATCH('/api/orgs/{orgId}/members/{userId}', {
          params: { path: { orgId, userId: member.userId } },
          body: { role },
        }),
      ),
    );
    if (result.ok) {
      setDone(`${member.name} is now ${role === 'admin' ? 'an admin' : 'a member'}.`);
      // Stepping down yourself takes away this page: reload who you are.
      if (member.userId === me.id) await refresh();
    }
    onChanged();
  }

  async function remove(member: Member) {
    setDone(null);
    const result = await submission.run(() =>
      ok(
        api.DELETE('/api/orgs/{orgId}/members/{userId}', {
          params: { path: { orgId, userId: member.userId } },
        }),
      ),
    );
    if (result.ok) setDone(`${member.name} was removed from the organisation.`);
    onChanged();
  }

  return (
    <Card
      title="Members"
      id="members"
      description="Roles and removal. Admins manage everything here."
      actions={
        <a href={`/api/orgs/${orgId}/exports/members.csv`} download>
          Export as CSV
        </a>
      }
    >
      {loading ? <Loading /> : null}
      <ErrorAlert message={submission.error} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">Programs</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(members ?? []).map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                isYou={member.userId === me.id}
                programNames={programNames}
                timeZone={timeZone}
                busy={submission.pending}
                onChangeRole={changeRole}
                onRemove={remove}
              />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
