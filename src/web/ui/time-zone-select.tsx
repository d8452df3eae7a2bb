import { useMemo } from 'react';
import { SelectField } from './field.tsx';

/**
 * Browsers (through ICU) still call some zones by names the tz database has
 * since replaced; Chromium says "Asia/Calcutta" for Asia/Kolkata. Both work
 * everywhere, but people expect the current name.
 */
const renamedZones: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The tz database's current name for a zone ("Asia/Calcutta" → "Asia/Kolkata"). */
export function currentZoneName(zone: string): string {
  return renamedZones[zone] ?? zone;
}

/** The browser's zone, e.g. Europe/London; UTC when the browser will not say. */
export function browserTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

function listTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone').map(currentZoneName);
  } catch {
    return [];
  }
}

type TimeZoneSelectProps = {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  name?: string;
  label?: string;
  hint?: string;
};

/** A "Time zone" select over every IANA zone the browser knows, always including `value`. */
export function TimeZoneSelect({
  value,
  onChange,
  error,
  name = 'timeZone',
  label = 'Time zone',
  hint,
}: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const all = new Set(listTimeZones());
    // Some browsers leave out UTC or list a zone under another name than the one stored.
    all.add('UTC');
    if (value) all.add(value);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [value]);
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      error={error}
      hint={hint}
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
