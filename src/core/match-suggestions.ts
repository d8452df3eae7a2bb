/*
 * Issue #13 "suggested matches": for each unmatched mentee of a matched
 * program, the mentors who fit best — by how many of the mentor's skills the
 * mentee asks for (in their goals or their own skills), how much room the
 * mentor has left, and how quickly and how often they answer — each score
 * explained in words an admin can check. Pure: the service loads the people.
 */

export type SuggestionMentee = {
  userId: string;
  name: string;
  skills: string[];
  /** the mentee's short- and long-term goals, as they wrote them */
  goals: string;
};

export type SuggestionMentor = {
  userId: string;
  name: string;
  skills: string[];
  /** most active matches; null: no limit */
  capacity: number | null;
  activeMatches: number;
  /** approved ÷ decided over recent bookings; null: too few to say */
  approvalRate: number | null;
  /** median minutes to a first answer; null: too few to say */
  medianResponseMinutes: number | null;
};

export type MentorSuggestion = {
  mentorId: string;
  mentorName: string;
  /** 0–100: skills 60, room left 20, responsiveness 20 */
  score: number;
  /** the mentor's skills this mentee asks for */
  sharedSkills: string[];
  /** why, one phrase per part of the score */
  reasons: string[];
};

export type MenteeSuggestions = {
  menteeId: string;
  menteeName: string;
  mentors: MentorSuggestion[];
};

const POINTS_PER_SKILL = 20;
const SKILL_POINTS = 60;
const ROOM_POINTS = 20;
const SPEED_POINTS = 10;
const APPROVAL_POINTS = 10;
/** Answers within a day earn all the speed points, slower ones fewer, a week or more none. */
const FAST_MINUTES = 24 * 60;
const SLOW_MINUTES = 7 * 24 * 60;

const normalise = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, ' ')} `;

/** The mentor's skills the mentee asks for: named among their skills, or as words in their goals. */
export function sharedSkillsOf(mentee: SuggestionMentee, mentorSkills: string[]): string[] {
  const own = new Set(mentee.skills.map((s) => normalise(s).trim()));
  const goals = normalise(mentee.goals);
  return mentorSkills.filter((skill) => {
    const words = normalise(skill).trim();
    return words.length > 0 && (own.has(words) || goals.includes(` ${words} `));
  });
}

function hoursText(minutes: number) {
  if (minutes < 90) return `${Math.max(1, Math.round(minutes))} minutes`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} hours`;
  return `${Math.round(minutes / 1440)} days`;
}

function roomPart(mentor: SuggestionMentor): { points: number; reason: string } | null {
  if (mentor.capacity === null) {
    return { points: ROOM_POINTS, reason: `no limit on matches (${mentor.activeMatches} now)` };
  }
  const left = mentor.capacity - mentor.activeMatches;
  if (left <= 0) return null;
  return {
    points: Math.round((ROOM_POINTS * left) / mentor.capacity),
    reason: `${left} of ${mentor.capacity} places free`,
  };
}

function responsivenessPart(mentor: SuggestionMentor): { points: number; reasons: string[] } {
  const reasons: string[] = [];
  let points = 0;
  if (mentor.medianResponseMinutes !== null) {
    const m = mentor.medianResponseMinutes;
    const share =
      m <= FAST_MINUTES
        ? 1
        : m >= SLOW_MINUTES
          ? 0
          : (SLOW_MINUTES - m) / (SLOW_MINUTES - FAST_MINUTES);
    points += Math.round(SPEED_POINTS * share);
    reasons.push(`answers in about ${hoursText(m)}`);
  }
  if (mentor.approvalRate !== null) {
    points += Math.round(APPROVAL_POINTS * mentor.approvalRate);
    reasons.push(`approves ${Math.round(mentor.approvalRate * 100)}% of requests`);
  }
  if (reasons.length === 0) reasons.push('no bookings yet to judge responsiveness');
  return { points, reasons };
}

/** How well one mentor suits one mentee, explained; null when the mentor has no room. */
export function scoreMentor(
  mentee: SuggestionMentee,
  mentor: SuggestionMentor,
): MentorSuggestion | null {
  const room = roomPart(mentor);
  if (!room) return null;
  const sharedSkills = sharedSkillsOf(mentee, mentor.skills);
  const skillPoints = Math.min(SKILL_POINTS, sharedSkills.length * POINTS_PER_SKILL);
  const responsiveness = responsivenessPart(mentor);
  return {
    mentorId: mentor.userId,
    mentorName: mentor.name,
    score: skillPoints + room.points + responsiveness.points,
    sharedSkills,
    reasons: [
      sharedSkills.length > 0
        ? `asks for ${sharedSkills.join(', ')}`
        : 'no skill of theirs in the mentee’s goals',
      room.reason,
      ...responsiveness.reasons,
    ],
  };
}

/**
 * The best `perMentee` mentors for each mentee, best first (ties by name),
 * mentees in the order given. Mentors without room are never suggested; a
 * mentee with no mentor left gets an empty list.
 */
export function suggestMatches(
  mentees: SuggestionMentee[],
  mentors: SuggestionMentor[],
  perMentee = 3,
): MenteeSuggestions[] {
  return mentees.map((mentee) => ({
    menteeId: mentee.userId,
    menteeName: mentee.name,
    mentors: mentors
      .map((mentor) => scoreMentor(mentee, mentor))
      .filter((s): s is MentorSuggestion => s !== null)
      .sort((a, b) => b.score - a.score || a.mentorName.localeCompare(b.mentorName))
      .slice(0, perMentee),
  }));
}
