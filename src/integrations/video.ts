/**
 * Where an approved session meets. The built-in provider makes a Jitsi Meet
 * room name that nobody can guess; a Zoom provider would call its API here.
 */
export type VideoProvider = { name: string; createMeeting(bookingId: string): Promise<string> };

export const jitsiVideo: VideoProvider = {
  name: 'jitsi',
  createMeeting: async (bookingId) => `https://meet.jit.si/confer-${bookingId}`,
};
