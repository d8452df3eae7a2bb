/**
 * `npm run bench`: runs every benchmark in turn. Each prints its own figures;
 * machines here are noisy, so read medians and ratios, not single numbers.
 */
import { run as httpSession } from './http-session.ts';

const benches = [httpSession];

for (const bench of benches) await bench();
