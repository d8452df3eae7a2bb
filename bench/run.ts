/**
 * `npm run bench`: runs every benchmark in turn. Each prints its own figures;
 * machines here are noisy, so read medians and ratios, not single numbers.
 */
const benches = ['./http-session.ts'];

for (const file of benches) {
  const mod = (await import(file)) as { run: () => Promise<void> };
  await mod.run();
}
