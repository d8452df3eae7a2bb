import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { CreateGroupForm } from './create-group-form.tsx';

type GroupsSectionProps = { orgId: string; onChanged: () => void };

/** Groups of members (teams, cohorts, interest groups). */
export function GroupsSection({ orgId, onChanged }: GroupsSectionProps) {
  const groups = useApiQuery('/api/orgs/{orgId}/groups', { params: { path: { orgId } } });
  const list = groups.data?.groups ?? [];
  return (
    <Card title="Groups" id="groups" description="Teams, cohorts or interest groups.">
      {groups.loading ? <Loading /> : null}
      <ErrorAlert message={groups.error?.message} />
      {groups.data && list.length === 0 ? <p className="muted">No groups yet.</p> : null}
      <ul className="item-list">
        {list.map((group) => (
          <li key={group.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                <Link to={`/o/${orgId}/admin/groups/${group.id}`}>{group.name}</Link>
              </p>
              <p className="item-list__meta">
                {group.memberCount} {group.memberCount === 1 ? 'member' : 'members'}
              </p>
              {group.description ? <p className="item-list__text">{group.description}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      <CreateGroupForm
        orgId={orgId}
        onCreated={() => {
          groups.reload();
          onChanged();
        }}
      />
    </Card>
  );
}
