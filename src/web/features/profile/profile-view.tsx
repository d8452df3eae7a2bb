import type { MemberDetail } from '../../api/types.ts';
import { Avatar } from '../../ui/avatar.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge, Chips } from '../../ui/chips.tsx';
import { LocalTime } from '../../ui/local-time.tsx';
import { ProgramRoles } from './program-roles.tsx';

type ProfileViewProps = { member: MemberDetail; programNames: Map<string, string> };

function TextBlock({ title, text }: { title: string; text: string }) {
  return (
    <div className="profile__block">
      <h3 className="profile__block-title">{title}</h3>
      {text ? <p className="profile__text">{text}</p> : <p className="muted">Not shared yet.</p>}
    </div>
  );
}

/** Someone's profile as other members see it. */
export function ProfileView({ member, programNames }: ProfileViewProps) {
  const { profile } = member;
  return (
    <div className="profile">
      <div className="card profile__header">
        <Avatar name={profile.name} photoUrl={profile.photoUrl} size="large" />
        <div className="profile__identity">
          <h1 className="page-header__title">
            {profile.name} {member.role === 'admin' ? <Badge tone="accent">Admin</Badge> : null}
          </h1>
          <dl className="facts">
            <div>
              <dt>Location</dt>
              <dd>{profile.location || 'Not shared'}</dd>
            </div>
            <div>
              <dt>Time zone</dt>
              <dd>
                {profile.timeZone} · <LocalTime timeZone={profile.timeZone} />
              </dd>
            </div>
          </dl>
        </div>
      </div>
      <div className="profile__grid">
        <Card title="About">
          <TextBlock title="Bio" text={profile.bio} />
          <div className="profile__block">
            <h3 className="profile__block-title">Skills</h3>
            {profile.skills.length > 0 ? (
              <Chips items={profile.skills} label="Skills" />
            ) : (
              <p className="muted">No skills listed yet.</p>
            )}
          </div>
        </Card>
        <Card title="Goals">
          <TextBlock title="Short-term goals" text={profile.shortTermGoals} />
          <TextBlock title="Long-term goals" text={profile.longTermGoals} />
        </Card>
        <Card title="Programs">
          <ProgramRoles
            memberships={member.programs}
            programNames={programNames}
            emptyText="Not in any program yet."
          />
        </Card>
      </div>
    </div>
  );
}
