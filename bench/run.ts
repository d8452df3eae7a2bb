/**
 * `npm run bench`: runs every benchmark in turn, or those named:
 * `npm run bench -- slots`. Each prints its own figures; machines here are
 * noisy, so read medians and ratios, not single numbers.
 */
import { run as bookings } from './bookings.ts';
import { run as bundle } from './bundle.ts';
import { run as httpSession } from './http-session.ts';
import { run as liveLists } from './live-lists.ts';
import { run as memberImport } from './member-import.ts';
import { run as paint } from './paint.ts';
import { run as reports } from './reports.ts';
import { run as search } from './search.ts';
import { run as slots } from './slots.ts';

const benches: Record<string, () => Promise<void>> = {
  slots,
  'http-session': httpSession,
  bookings,
  search,
  'live-lists': liveLists,
  'member-import': memberImport,
  reports,
  bundle,
  paint,
};
const chosen = process.argv.slice(2);

for (const [name, bench] of Object.entries(benches)) {
  if (chosen.length === 0 || chosen.includes(name)) await bench();
}
