import { useMemo } from 'react';
import { SelectField } from './field.tsx';

/** The browser's zone, e.g. Europe/London; UTC when the browser will not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function listTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

type TimeZoneSelectProps = {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  name?: string;
};

/** A "Time zone" select over every IANA zone the browser knows, always including `value`. */
export function TimeZoneSelect({ value, onChange, error, name = 'timeZone' }: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const all = new Set(listTimeZones());
    // Some browsers leave out UTC or list a zone under another name than the one stored.
    all.add('UTC');
    if (value) all.add(value);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [value]);
  return (
    <SelectField
      label="Time zone"
      name={name}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </SelectField>
  );
}
