import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Member, OrgRole } from '../../api/types.ts';
import { describeError, ok } from '../../api.ts';
import { MemberRow } from '../../features/admin/member-row.tsx';
import {
  useSession,
  useSignedInUser,
  useViewerTimeZone,
} from '../../features/auth/session-context.tsx';
import { programNamesById } from '../../features/profile/program-roles.tsx';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pager } from '../../ui/pager.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { useSubmission } from '../../use-submission.ts';

const PAGE_SIZE = 50;
const MAX_SEARCH_LENGTH = 200;

type Filters = {
  q: string;
  role: '' | OrgRole;
  programId: string;
  programRole: string;
  groupId: string;
  status: '' | 'active' | 'deactivated';
};
const noFilters: Filters = {
  q: '',
  role: '',
  programId: '',
  programRole: '',
  groupId: '',
  status: '',
};

/**
 * Admin → Members (issue #13): searched, filtered and paged by the server,
 * so it stays quick at 100,000 members; roles changed after a confirmation,
 * members removed, and the list exported as CSV.
 */
export function AdminMembersPage() {
  const { orgId = '' } = useParams();
  const { api, refresh } = useSession();
  const me = useSignedInUser();
  const timeZone = useViewerTimeZone();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(0);
  const words = useDebouncedValue(filters.q.trim(), 250);
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const groups = useApiQuery('/api/orgs/{orgId}/groups', { params: { path: { orgId } } });
  const programNames = useMemo(() => programNamesById(programs.data?.programs), [programs.data]);
  const query = {
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    ...(words ? { q: words } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.programId ? { programId: filters.programId } : {}),
    ...(filters.programId && filters.programRole
      ? { programRole: filters.programRole as 'mentor' | 'mentee' }
      : {}),
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  const members = useApiQuery('/api/orgs/{orgId}/members', {
    params: { path: { orgId }, query },
  });
  const submission = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const [deactivateError, setDeactivateError] = useState<string | null>(null);

  function filter(change: Partial<Filters>) {
    setFilters((current) => ({ ...current, ...change }));
    setPage(0);
  }

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
    members.reload();
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
    members.reload();
  }

  async function deactivate(member: Member, reason: string) {
    setDone(null);
    setDeactivateError(null);
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/members/{userId}/deactivate', {
          params: { path: { orgId, userId: member.userId } },
          body: { reason },
        }),
      ),
    );
    members.reload();
    if (!result.ok) {
      setDeactivateError(describeError(result.error));
      return false;
    }
    const closed = result.value.bookingsRejected + result.value.bookingsCancelled;
    const sessions = result.value.sessionsCancelled;
    setDone(
      `${member.name} is deactivated. ${plural(closed, 'booking')} and ${plural(sessions, 'session')} were closed; everyone concerned is told.`,
    );
    return true;
  }

  async function reactivate(member: Member) {
    setDone(null);
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/members/{userId}/reactivate', {
          params: { path: { orgId, userId: member.userId } },
          body: {},
        }),
      ),
    );
    if (result.ok) setDone(`${member.name} is active again and can sign in.`);
    members.reload();
  }

  const total = members.data?.total ?? 0;
  const shown = members.data?.members ?? [];
  return (
    <Card
      title="Members"
      id="members"
      description="Everyone in the organisation: search, filter, change roles, deactivate, remove."
      actions={
        <span className="card__links">
          <Link to={`/o/${orgId}/admin/import`}>Import from CSV</Link>
          <Link to={`/o/${orgId}/admin/invitations`}>Invite someone</Link>
          <a href={`/api/orgs/${orgId}/exports/members.csv`} download>
            Export as CSV
          </a>
        </span>
      }
    >
      <div className="toolbar toolbar--filters">
        <TextField
          label="Search members"
          type="search"
          maxLength={MAX_SEARCH_LENGTH}
          value={filters.q}
          onChange={(event) => filter({ q: event.target.value })}
        />
        <SelectField
          label="Role"
          value={filters.role}
          onChange={(event) => filter({ role: event.target.value as Filters['role'] })}
        >
          <option value="">Any role</option>
          <option value="admin">Admins</option>
          <option value="member">Members</option>
        </SelectField>
        <SelectField
          label="Program"
          value={filters.programId}
          onChange={(event) => filter({ programId: event.target.value })}
        >
          <option value="">Any program</option>
          {(programs.data?.programs ?? []).map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </SelectField>
        {filters.programId ? (
          <SelectField
            label="In the program as"
            value={filters.programRole}
            onChange={(event) => filter({ programRole: event.target.value })}
          >
            <option value="">Mentor or mentee</option>
            <option value="mentor">Mentors</option>
            <option value="mentee">Mentees</option>
          </SelectField>
        ) : null}
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(event) => filter({ status: event.target.value as Filters['status'] })}
        >
          <option value="">Active or deactivated</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </SelectField>
        <SelectField
          label="Group"
          value={filters.groupId}
          onChange={(event) => filter({ groupId: event.target.value })}
        >
          <option value="">Any group</option>
          {(groups.data?.groups ?? []).map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert message={members.error?.message ?? submission.error} />
      <StatusAlert message={done} />
      {members.loading && !members.data ? <Loading /> : null}
      {members.data && shown.length === 0 ? (
        <p className="muted">Nobody matches these filters.</p>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Members, by name</caption>
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
              {shown.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  isYou={member.userId === me.id}
                  programNames={programNames}
                  timeZone={timeZone}
                  busy={submission.pending}
                  onChangeRole={changeRole}
                  onRemove={remove}
                  onDeactivate={deactivate}
                  onReactivate={reactivate}
                  deactivateError={deactivateError}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager
        label="Pages of members"
        page={page}
        pageSize={PAGE_SIZE}
        shown={shown.length}
        total={total}
        onPage={setPage}
      />
    </Card>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
