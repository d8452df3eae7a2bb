import type { ProgramDetail } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { programRoleLabels } from '../../ui/labels.ts';
import { LocalTime } from '../../ui/local-time.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { AddProgramMemberForm } from './add-program-member-form.tsx';

type ProgramMembersCardProps = {
  orgId: string;
  program: ProgramDetail;
  onChanged: () => void;
};

/** Mentors and mentees of one program: remove someone, add someone. */
export function ProgramMembersCard({ orgId, program, onChanged }: ProgramMembersCardProps) {
  const api = useApi();
  const submission = useSubmission();
  const member = (userId: string) => ({
    params: { path: { orgId, programId: program.id, userId } },
  });
  const inProgram = new Set(program.members.map((member) => member.userId));
  const sorted = [...program.members].sort(
    (a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name),
  );

  async function remove(userId: string) {
    const result = await submission.run(() =>
      ok(api.DELETE('/api/orgs/{orgId}/programs/{programId}/members/{userId}', member(userId))),
    );
    if (result.ok) onChanged();
  }

  return (
    <Card title="Mentors and mentees">
      <ErrorAlert message={submission.error} />
      {sorted.length === 0 ? <p className="muted">Nobody is in this program yet.</p> : null}
      <ul className="item-list">
        {sorted.map((member) => (
          <li key={member.userId} className="item-list__item">
            <div>
              <p className="item-list__title">{member.name}</p>
              <p className="item-list__meta">
                {member.timeZone} · <LocalTime timeZone={member.timeZone} />
              </p>
            </div>
            <div className="item-list__actions">
              <Badge tone={member.role === 'mentor' ? 'accent' : 'neutral'}>
                {programRoleLabels[member.role]}
              </Badge>
              <ConfirmButton
                label="Remove"
                accessibleLabel={`Remove ${member.name} from the program`}
                question={`Remove ${member.name} from ${program.name}?`}
                confirmLabel="Yes, remove"
                pending={submission.pending}
                onConfirm={() => remove(member.userId)}
              />
            </div>
          </li>
        ))}
      </ul>
      <AddProgramMemberForm
        orgId={orgId}
        programId={program.id}
        memberIds={inProgram}
        onAdded={onChanged}
      />
    </Card>
  );
}
