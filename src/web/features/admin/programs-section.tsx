import { Link } from 'react-router';
import type { ProgramSummary } from '../../api/types.ts';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { programModeLabels } from '../../ui/labels.ts';
import { Loading } from '../../ui/loading.tsx';
import { CreateProgramForm } from './create-program-form.tsx';

type ProgramsSectionProps = {
  orgId: string;
  programs: ProgramSummary[] | undefined;
  loading: boolean;
  onChanged: () => void;
};

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function ProgramsSection({ orgId, programs, loading, onChanged }: ProgramsSectionProps) {
  return (
    <Card title="Programs" id="programs" description="Mentoring programs and who takes part.">
      {loading ? <Loading /> : null}
      {programs && programs.length === 0 ? (
        <p className="muted">No programs yet. Create the first one below.</p>
      ) : null}
      <ul className="item-list">
        {(programs ?? []).map((program) => (
          <li key={program.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                <Link to={`/o/${orgId}/admin/programs/${program.id}`}>{program.name}</Link>{' '}
                {program.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
              </p>
              <p className="item-list__meta">
                {programModeLabels[program.mode]} · {plural(program.mentorCount, 'mentor')} ·{' '}
                {plural(program.menteeCount, 'mentee')}
              </p>
              {program.description ? (
                <p className="item-list__text">{program.description}</p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <CreateProgramForm orgId={orgId} onCreated={onChanged} />
    </Card>
  );
}
