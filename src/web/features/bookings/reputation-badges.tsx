import type { MentorReputation } from '../../api/types.ts';
import { Badge } from '../../ui/chips.tsx';

/** "Approves 92%", or null when there is no rate yet. */
export function approvalText(reputation: MentorReputation): string | null {
  if (reputation.approvalRate === null) return null;
  return `Approves ${Math.round(reputation.approvalRate * 100)}%`;
}

/** "Usually answers within 3 h": rounded up, so the promise is never shorter than the truth. */
export function responseText(reputation: MentorReputation): string | null {
  const minutes = reputation.medianResponseMinutes;
  if (minutes === null) return null;
  if (minutes < 60) return `Usually answers within ${Math.max(1, Math.ceil(minutes))} min`;
  const hours = Math.ceil(minutes / 60);
  if (hours < 48) return `Usually answers within ${hours} h`;
  return `Usually answers within ${Math.ceil(hours / 24)} days`;
}

/** A mentor's approval rate and response time, once any booking has been decided. */
export function ReputationBadges({ reputation }: { reputation: MentorReputation | undefined }) {
  if (!reputation || reputation.decided <= 0) return null;
  const texts = [approvalText(reputation), responseText(reputation)].filter(
    (text): text is string => text !== null,
  );
  if (texts.length === 0) return null;
  return (
    <ul className="chips reputation" aria-label="How this mentor answers bookings">
      {texts.map((text) => (
        <li key={text}>
          <Badge tone="success">{text}</Badge>
        </li>
      ))}
    </ul>
  );
}
