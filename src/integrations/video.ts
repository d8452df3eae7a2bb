import { randomBytes } from 'node:crypto';
import { timeLimited } from './time-limit.ts';

/** What a provider needs to know of an approved session. */
export type MeetingPlan = {
  bookingId: string;
  topic: string;
  startsAt: Date;
  durationMinutes: number;
};

/** A meeting a provider made: where to join, and its own id when it has one to update or delete. */
export type Meeting = { url: string; externalId: string | null };

/**
 * Where an approved session meets. `createMeeting` answers null when the
 * provider makes nothing (manual: the mentor adds a link). Update and delete
 * reach a meeting by its external id; deleting one that is already gone
 * succeeds.
 */
export type VideoProvider = {
  name: string;
  createMeeting(plan: MeetingPlan): Promise<Meeting | null>;
  updateMeeting(externalId: string, plan: Omit<MeetingPlan, 'bookingId'>): Promise<void>;
  deleteMeeting(externalId: string): Promise<void>;
};

/**
 * A provider asked us to come back later (Zoom's 429 with Retry-After): the
 * durable job is rescheduled for `retryAt` instead of sleeping in-process.
 */
export class RetryLaterError extends Error {
  readonly retryAt: Date;
  constructor(message: string, retryAt: Date) {
    super(message);
    this.retryAt = retryAt;
  }
}

/**
 * A Jitsi Meet room named by 20 random bytes: nobody can guess it from the
 * booking (its id is visible to both people and in links). Jitsi rooms exist
 * while someone is in them, so there is nothing to update or delete.
 */
export const jitsiVideo: VideoProvider = {
  name: 'jitsi',
  createMeeting: async () => ({
    url: `https://meet.jit.si/confer-${randomBytes(20).toString('hex')}`,
    externalId: null,
  }),
  updateMeeting: async () => {},
  deleteMeeting: async () => {},
};

/** The mentor adds their own link (seed 003 "Add link"); Confer makes none. */
export const manualVideo: VideoProvider = {
  name: 'manual',
  createMeeting: async () => null,
  updateMeeting: async () => {},
  deleteMeeting: async () => {},
};

/** The same provider, each call bounded to `ms`. */
export function timeLimitedVideo(provider: VideoProvider, ms: number): VideoProvider {
  const bound = <T>(call: string, run: () => Promise<T>) =>
    timeLimited(`${provider.name} ${call}`, ms, run);
  return {
    name: provider.name,
    createMeeting: (plan) => bound('createMeeting', () => provider.createMeeting(plan)),
    updateMeeting: (id, plan) => bound('updateMeeting', () => provider.updateMeeting(id, plan)),
    deleteMeeting: (id) => bound('deleteMeeting', () => provider.deleteMeeting(id)),
  };
}
