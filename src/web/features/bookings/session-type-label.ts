import type { SessionType } from '../../api/types.ts';
import { formatMoney } from '../../ui/format-money.ts';

/** "Career review · 60 min · €50" */
export function sessionTypeLabel(type: SessionType): string {
  return [type.name, `${type.durationMinutes} min`, type.price ? formatMoney(type.price) : 'Free']
    .filter(Boolean)
    .join(' · ');
}
