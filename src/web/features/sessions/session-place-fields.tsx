import type { Enrollment, GroupSummary } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { Checkbox, ChoiceGroup } from '../../ui/checkbox.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { enrollmentLabels } from '../../ui/labels.ts';
import { TimeZoneSelect } from '../../ui/time-zone-select.tsx';
import { needsLocationZone, needsMeetingUrl, type SessionDraft } from './session-draft.ts';

type SessionPlaceFieldsProps = {
  draft: SessionDraft;
  errors: FieldErrors;
  set: <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => void;
  groups: GroupSummary[];
};

const enrollments: Enrollment[] = ['online', 'in_person', 'both'];

/** Where and for whom: location, enrollment, meeting link, groups, seats, extra zones. */
export function SessionPlaceFields({ draft, errors, set, groups }: SessionPlaceFieldsProps) {
  function toggleGroup(groupId: string, on: boolean) {
    const chosen = new Set(draft.groupIds);
    if (on) chosen.add(groupId);
    else chosen.delete(groupId);
    set('groupIds', [...chosen]);
  }

  return (
    <>
      <div className="form__row">
        <TextField
          label="Location"
          name="location"
          placeholder="Office, city or “Online”"
          value={draft.location}
          error={errors.location}
          onChange={(event) => set('location', event.target.value)}
        />
        <SelectField
          label="Enrollment"
          name="enrollment"
          value={draft.enrollment}
          error={errors.enrollment}
          onChange={(event) => set('enrollment', event.target.value as Enrollment)}
        >
          {enrollments.map((enrollment) => (
            <option key={enrollment} value={enrollment}>
              {enrollmentLabels[enrollment]}
            </option>
          ))}
        </SelectField>
      </div>
      {needsMeetingUrl(draft.enrollment) ? (
        <TextField
          label="Meeting URL"
          name="meetingUrl"
          type="url"
          required
          placeholder="https://"
          value={draft.meetingUrl}
          error={errors.meetingUrl}
          onChange={(event) => set('meetingUrl', event.target.value)}
        />
      ) : null}
      {needsLocationZone(draft.enrollment) ? (
        <TimeZoneSelect
          label="Location time zone"
          name="locationTimeZone"
          value={draft.locationTimeZone}
          hint="Where the session takes place, so attendees see its local time."
          error={errors.locationTimeZone}
          onChange={(zone) => set('locationTimeZone', zone)}
        />
      ) : null}
      <ChoiceGroup
        legend="Restrict to groups"
        hint="Leave all unticked so everyone in the program can see it."
        error={errors.groupIds}
      >
        {groups.length === 0 ? <p className="muted">No groups in this organisation.</p> : null}
        {groups.map((group) => (
          <Checkbox
            key={group.id}
            label={group.name}
            checked={draft.groupIds.includes(group.id)}
            onChange={(event) => toggleGroup(group.id, event.target.checked)}
          />
        ))}
      </ChoiceGroup>
      <div className="form__row">
        <TextField
          label="Capacity"
          name="capacity"
          type="number"
          min={1}
          inputMode="numeric"
          hint="How many mentees can join."
          value={draft.capacity}
          error={errors.capacity}
          onChange={(event) => set('capacity', event.target.value)}
        />
        <TextField
          label="Also show local time in"
          name="timeZones"
          placeholder="Asia/Tokyo, America/New_York"
          hint="Optional: time zones, separated by commas."
          value={draft.timeZones}
          error={errors.timeZones}
          onChange={(event) => set('timeZones', event.target.value)}
        />
      </div>
    </>
  );
}
