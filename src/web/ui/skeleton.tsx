/**
 * Placeholders while a first answer is on its way (issue #12): grey bars
 * where the list will be, and no number at all rather than a misleading "0".
 */
const bars = ['first', 'second', 'third', 'fourth', 'fifth'] as const;

export function Skeleton({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label}>
      {bars.slice(0, lines).map((bar) => (
        <span key={bar} className="skeleton__line" />
      ))}
    </div>
  );
}

/** A card's count ("3 pending"), or a blank bar until it is known. */
export function CardCount({ value, unit = '' }: { value: number | undefined; unit?: string }) {
  if (value === undefined) {
    return <span className="skeleton__count" role="status" aria-label="Counting…" />;
  }
  return <span className="muted">{unit ? `${value} ${unit}` : value}</span>;
}
