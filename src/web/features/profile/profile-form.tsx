import { type FormEvent, useState } from 'react';
import type { Profile, ProfileChanges } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { currentZoneName, TimeZoneSelect } from '../../ui/time-zone-select.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useSession } from '../auth/session-context.tsx';
import { parseSkills, SkillsField } from './skills-field.tsx';

type Draft = Omit<Required<ProfileChanges>, 'skills'> & { skills: string };

function draftOf(profile: Profile): Draft {
  return {
    name: profile.name,
    bio: profile.bio,
    skills: profile.skills.join(', '),
    shortTermGoals: profile.shortTermGoals,
    longTermGoals: profile.longTermGoals,
    timeZone: currentZoneName(profile.timeZone),
    location: profile.location,
  };
}

type ProfileFormProps = { profile: Profile; onSaved: (profile: Profile) => void };

export function ProfileForm({ profile, onSaved }: ProfileFormProps) {
  const { api, refresh } = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const errors = submission.fieldErrors;

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setSaved(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const changes: ProfileChanges = {
      ...draft,
      name: draft.name.trim(),
      location: draft.location.trim(),
      skills: parseSkills(draft.skills),
    };
    const result = await submission.run(async () => {
      const updated = await ok(api.PATCH('/api/me/profile', { body: changes }));
      // The top bar shows the name, and times use the profile's zone.
      await refresh();
      return updated;
    });
    if (result.ok) {
      setDraft(draftOf(result.value));
      setSaved(true);
      onSaved(result.value);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        value={draft.name}
        error={errors.name}
        onChange={(event) => set('name', event.target.value)}
      />
      <TextAreaField
        label="Bio"
        name="bio"
        value={draft.bio}
        error={errors.bio}
        hint="A few sentences about you, your work and what you can help with."
        onChange={(event) => set('bio', event.target.value)}
      />
      <SkillsField
        value={draft.skills}
        error={errors.skills}
        onChange={(text) => set('skills', text)}
      />
      <TextAreaField
        label="Short-term goals"
        name="shortTermGoals"
        rows={3}
        value={draft.shortTermGoals}
        error={errors.shortTermGoals}
        onChange={(event) => set('shortTermGoals', event.target.value)}
      />
      <TextAreaField
        label="Long-term goals"
        name="longTermGoals"
        rows={3}
        value={draft.longTermGoals}
        error={errors.longTermGoals}
        onChange={(event) => set('longTermGoals', event.target.value)}
      />
      <div className="form__row">
        <TimeZoneSelect
          value={draft.timeZone}
          error={errors.timeZone}
          onChange={(zone) => set('timeZone', zone)}
        />
        <TextField
          label="Location"
          name="location"
          placeholder="City, country"
          value={draft.location}
          error={errors.location}
          onChange={(event) => set('location', event.target.value)}
        />
      </div>
      <ErrorAlert message={submission.error} />
      {saved ? <Alert tone="success">Profile saved</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
