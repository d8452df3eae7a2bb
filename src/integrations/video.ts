import { timeLimited } from './time-limit.ts';

/**
 * Where an approved session meets. The built-in provider makes a Jitsi Meet
 * room name that nobody can guess; a Zoom provider would call its API here.
 */
export type VideoProvider = { name: string; createMeeting(bookingId: string): Promise<string> };

export const jitsiVideo: VideoProvider = {
  name: 'jitsi',
  createMeeting: async (bookingId) => `https://meet.jit.si/confer-${bookingId}`,
};

/** The same provider, each call bounded to `ms`. */
export function timeLimitedVideo(provider: VideoProvider, ms: number): VideoProvider {
  return {
    name: provider.name,
    createMeeting: (bookingId) =>
      timeLimited(`${provider.name} createMeeting`, ms, () => provider.createMeeting(bookingId)),
  };
}
