import { Link, useParams } from 'react-router';
import { ok } from '../api.ts';
import { ProgramMatchesCard } from '../features/admin/program-matches-card.tsx';
import { ProgramMembersCard } from '../features/admin/program-members-card.tsx';
import { ProgramSettingsCard } from '../features/admin/program-settings-card.tsx';
import { useApi } from '../features/auth/session-context.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { Badge } from '../ui/chips.tsx';
import { programModeLabels } from '../ui/labels.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';
import { useSubmission } from '../use-submission.ts';

/** Admin view of one program: its details, archive switch, mentors and mentees, matches. */
export function ProgramPage() {
  const { orgId = '', programId = '' } = useParams();
  const api = useApi();
  const program = useApiQuery('/api/orgs/{orgId}/programs/{programId}', {
    params: { path: { orgId, programId } },
  });
  const archiving = useSubmission();
  const back = <Link to={`/o/${orgId}/admin/programs`}>← Programs</Link>;

  if (program.loading) return <Loading />;
  if (!program.data) {
    return (
      <>
        <p className="back-link">{back}</p>
        <ErrorAlert message={program.error?.message ?? 'Program not found'} />
      </>
    );
  }

  const current = program.data;
  const archived = Boolean(current.archivedAt);
  async function toggleArchived() {
    const result = await archiving.run(() =>
      ok(
        api.PATCH('/api/orgs/{orgId}/programs/{programId}', {
          params: { path: { orgId, programId } },
          body: { archived: !archived },
        }),
      ),
    );
    if (result.ok) program.reload();
  }

  return (
    <>
      <PageHeader
        back={back}
        title={current.name}
        subtitle={
          <>
            {programModeLabels[current.mode]} program{' '}
            {archived ? <Badge tone="warning">Archived</Badge> : null}
          </>
        }
        actions={
          <Button onClick={toggleArchived} pending={archiving.pending}>
            {archived ? 'Restore program' : 'Archive program'}
          </Button>
        }
      />
      <ErrorAlert message={archiving.error} />
      {current.description ? <p className="lead">{current.description}</p> : null}
      <ProgramSettingsCard
        key={current.id}
        orgId={orgId}
        program={current}
        onSaved={program.reload}
      />
      <ProgramMembersCard orgId={orgId} program={current} onChanged={program.reload} />
      {current.mode === 'matched' ? <ProgramMatchesCard orgId={orgId} program={current} /> : null}
    </>
  );
}
