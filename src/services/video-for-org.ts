import { createHash } from 'node:crypto';
import { getVideoSettings, type VideoSettingsRow } from '../db/queries/video-settings.ts';
import {
  jitsiVideo,
  manualVideo,
  timeLimitedVideo,
  type VideoProvider,
} from '../integrations/video.ts';
import { zoomVideo } from '../integrations/zoom-video.ts';
import type { ServiceContext } from './context.ts';
import { openSecret } from './secret-box.ts';

/** Zoom chosen but not usable (no key, no credentials): the meeting falls back, the mentor adds a link. */
class ZoomUnavailableError extends Error {}

function zoomFor(ctx: ServiceContext, settings: VideoSettingsRow | null): VideoProvider {
  const { secretsKey, zoom, timeoutMs, zoomClients } = ctx.videoSetup;
  const sealed = settings?.zoomClientSecretSealed;
  if (!settings?.zoomAccountId || !settings.zoomClientId || !sealed) {
    throw new ZoomUnavailableError('Zoom is chosen but its credentials are not set');
  }
  if (!secretsKey) throw new ZoomUnavailableError('Zoom is chosen but SECRETS_KEY is not set');
  const fingerprint = createHash('sha256')
    .update([settings.zoomAccountId, settings.zoomClientId, sealed].join('\n'))
    .digest('hex');
  const known = zoomClients.get(settings.orgId);
  if (known?.fingerprint === fingerprint) return known.provider;
  const credentials = {
    accountId: settings.zoomAccountId,
    clientId: settings.zoomClientId,
    clientSecret: openSecret(secretsKey, sealed, settings.orgId),
  };
  const provider = timeLimitedVideo(
    zoomVideo(credentials, zoom, () => ctx.now().getTime()),
    timeoutMs,
  );
  zoomClients.set(settings.orgId, { fingerprint, provider });
  return provider;
}

/**
 * The provider that makes an organisation's new meetings: its admin's choice,
 * or the process default (Jitsi) when none was made.
 */
export async function videoForNewMeeting(ctx: ServiceContext, orgId: string) {
  const settings = await getVideoSettings(ctx.db, orgId);
  if (!settings) return ctx.video;
  if (settings.provider === 'zoom') return zoomFor(ctx, settings);
  return settings.provider === 'manual' ? manualVideo : jitsiVideo;
}

/**
 * The provider that made an existing meeting (`bookings.meeting_provider`),
 * whatever the organisation uses now, so update and delete reach it.
 */
export async function videoThatMade(ctx: ServiceContext, orgId: string, name: string) {
  if (name === 'zoom') return zoomFor(ctx, await getVideoSettings(ctx.db, orgId));
  if (name === ctx.video.name) return ctx.video;
  return name === 'jitsi' ? jitsiVideo : manualVideo;
}
