/**
 * The nearest-rank percentile: the smallest sample with at least p% of the
 * samples at or below it (p95 of 20 samples is the 19th, not the maximum).
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((sorted.length * p) / 100));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** `n 20  median 84 ms  p95 130 ms  max 151 ms` */
export function summarise(samples: readonly number[]): string {
  const ms = (n: number) => `${Math.round(n)} ms`.padStart(7);
  return `n ${samples.length}  median ${ms(percentile(samples, 50))}  p95 ${ms(percentile(samples, 95))}  max ${ms(Math.max(...samples))}`;
}
