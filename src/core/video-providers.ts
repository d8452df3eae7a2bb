/** How an organisation's approved sessions get their meeting (an admin chooses). */
export const videoProviderNames = ['jitsi', 'zoom', 'manual'] as const;
export type VideoProviderName = (typeof videoProviderNames)[number];
