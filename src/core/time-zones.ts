const ZONE_NAME = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * True for IANA zone names the runtime's tz database knows ("Europe/London",
 * "America/Argentina/Buenos_Aires", "UTC"). Offsets like "+05:30" and
 * abbreviations like "EST" are refused: a zone must carry its DST rules.
 */
export function isIanaTimeZone(name: string): boolean {
  if (!ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
