import type { ProgramSummary } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import type { MentorOption, SessionDraft } from './session-draft.ts';

type SessionWhatFieldsProps = {
  draft: SessionDraft;
  errors: FieldErrors;
  set: <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => void;
  /** Given for admins, who pick the mentor; left out on a mentor's own form. */
  mentors: MentorOption[] | null;
  mentor: MentorOption | undefined;
  programs: ProgramSummary[];
  mentees: { userId: string; name: string }[];
  /** Program and mentor are fixed once a session exists. */
  editing: boolean;
};

/** Who, what and when: mentor, program, mentee, title, date, start time and duration. */
export function SessionWhatFields({
  draft,
  errors,
  set,
  mentors,
  mentor,
  programs,
  mentees,
  editing,
}: SessionWhatFieldsProps) {
  const mentorPrograms = programs.filter(
    (program) =>
      mentor?.programIds.includes(program.id) &&
      (!program.archivedAt || program.id === draft.programId),
  );
  return (
    <>
      <div className="form__row">
        {mentors ? (
          <SelectField
            label="Mentor"
            name="mentorId"
            value={draft.mentorId}
            disabled={editing}
            error={errors.mentorId}
            onChange={(event) => set('mentorId', event.target.value)}
          >
            <option value="">Choose a mentor…</option>
            {mentors.map((option) => (
              <option key={option.userId} value={option.userId}>
                {option.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label="Program"
          name="programId"
          value={draft.programId}
          disabled={editing}
          error={errors.programId}
          onChange={(event) => set('programId', event.target.value)}
        >
          <option value="">Choose a program…</option>
          {mentorPrograms.map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Mentee (optional)"
          name="menteeId"
          value={draft.menteeId}
          hint="Adds them to the session straight away."
          error={errors.menteeId}
          onChange={(event) => set('menteeId', event.target.value)}
        >
          <option value="">None</option>
          {mentees.map((mentee) => (
            <option key={mentee.userId} value={mentee.userId}>
              {mentee.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label="Title"
        name="title"
        value={draft.title}
        hint={mentor ? `Optional; shown as “Session with ${mentor.name}” when empty.` : undefined}
        error={errors.title}
        onChange={(event) => set('title', event.target.value)}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={3}
        value={draft.description}
        error={errors.description}
        onChange={(event) => set('description', event.target.value)}
      />
      <div className="form__row">
        <TextField
          label="Date"
          name="date"
          type="date"
          required
          value={draft.date}
          error={errors.date}
          onChange={(event) => set('date', event.target.value)}
        />
        <TextField
          label="Start time"
          name="startTime"
          type="time"
          required
          value={draft.startTime}
          hint={mentor ? `In ${mentor.timeZone}, the mentor's time zone.` : undefined}
          error={errors.startTime ?? errors.timeZone}
          onChange={(event) => set('startTime', event.target.value)}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          min={5}
          step={5}
          inputMode="numeric"
          required
          value={draft.durationMinutes}
          error={errors.durationMinutes}
          onChange={(event) => set('durationMinutes', event.target.value)}
        />
      </div>
    </>
  );
}
