import { formatShortDateTime } from '../../ui/format-date-time.ts';

/*
 * The audit log in words (issue #12: never raw ISO or JSON): actions as
 * phrases, ids as the names the page knows, instants in the reader's zone,
 * nested changes as "field: value" pairs.
 */

/** "program_member.added" → "Program member added" */
export function describeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "startsAt" → "starts at", "menteeId" → "mentee" */
const words = (key: string) =>
  key
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

export function describeValue(value: unknown, names: Map<string, string>, zone: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (names.has(value)) return names.get(value) ?? value;
    if (INSTANT.test(value)) return formatShortDateTime(value, zone);
    return UUID.test(value) ? `${value.slice(0, 8)}…` : value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((v) => describeValue(v, names, zone)).join(', ');
  }
  return describeDetails(value as Record<string, unknown>, names, zone);
}

/** `{ menteeId, reason }` → "mentee: Sam Lee, reason: Exam moved" */
export function describeDetails(
  details: Record<string, unknown>,
  names: Map<string, string>,
  zone: string,
): string {
  return Object.entries(details)
    .map(([key, value]) => `${words(key)}: ${describeValue(value, names, zone)}`)
    .join(', ');
}
