import type { Availability } from '../../api/types.ts';

/**
 * What to start from when the server has no schedule for this person yet
 * (a 404): no hours, the server's default rules, in their profile's zone.
 */
export function defaultAvailability(timeZone: string): Availability {
  return {
    timeZone,
    autoApprove: false,
    slotLengths: [30],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 720,
    horizonDays: 60,
    weekly: [],
    overrides: [],
  };
}
