/** A fixed counting window: [start, end). */
export type RateWindow = { start: Date; end: Date };

/**
 * The window of `windowSeconds` that `now` falls in, aligned to the Unix
 * epoch (so every instance, whatever its time zone, picks the same one).
 */
export function rateWindowAt(now: Date, windowSeconds: number): RateWindow {
  const size = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start: new Date(start), end: new Date(start + size) };
}

/** Whole seconds until the window ends, at least 1 (the Retry-After header). */
export function secondsUntilWindowEnds(now: Date, window: RateWindow): number {
  return Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));
}
