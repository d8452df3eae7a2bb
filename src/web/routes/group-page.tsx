import { Link, useNavigate, useParams } from 'react-router';
import { ok } from '../api.ts';
import { GroupMembersCard } from '../features/admin/group-members-card.tsx';
import { useApi } from '../features/auth/session-context.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';
import { useSubmission } from '../use-submission.ts';

/** Admin view of one group: its members, and deleting it. */
export function GroupPage() {
  const { orgId = '', groupId = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const group = useApiQuery('/api/orgs/{orgId}/groups/{groupId}', {
    params: { path: { orgId, groupId } },
  });
  const deletion = useSubmission();
  const back = <Link to={`/o/${orgId}/admin/groups`}>← Groups</Link>;

  if (group.loading) return <Loading />;
  if (!group.data) {
    return (
      <>
        <p className="back-link">{back}</p>
        <ErrorAlert message={group.error?.message ?? 'Group not found'} />
      </>
    );
  }

  const current = group.data;
  async function deleteGroup() {
    const result = await deletion.run(() =>
      ok(
        api.DELETE('/api/orgs/{orgId}/groups/{groupId}', { params: { path: { orgId, groupId } } }),
      ),
    );
    if (result.ok) navigate(`/o/${orgId}/admin/groups`);
  }

  return (
    <>
      <PageHeader
        back={back}
        title={current.name}
        subtitle={current.description || 'Group'}
        actions={
          <ConfirmButton
            label="Delete group"
            question={`Delete ${current.name}? Its members stay in the organisation.`}
            confirmLabel="Yes, delete"
            pending={deletion.pending}
            onConfirm={deleteGroup}
          />
        }
      />
      <ErrorAlert message={deletion.error} />
      <GroupMembersCard orgId={orgId} group={current} onChanged={group.reload} />
    </>
  );
}
