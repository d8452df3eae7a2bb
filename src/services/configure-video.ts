import { invalidField } from '../core/errors.ts';
import type { VideoProviderName } from '../core/video-providers.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  getVideoSettings,
  upsertVideoSettings,
  type VideoSettingsRow,
} from '../db/queries/video-settings.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { sealSecret } from './secret-box.ts';

export type VideoSettingsInput = {
  provider: VideoProviderName;
  /** the client secret only when it changes; omitted, the stored one stays */
  zoom?: { accountId: string; clientId: string; clientSecret?: string | undefined } | undefined;
};

/** What an admin sees: never the secret, only whether one is stored. */
function present(row: VideoSettingsRow | null, canSealSecrets: boolean) {
  return {
    provider: row?.provider ?? ('jitsi' as const),
    zoom: {
      accountId: row?.zoomAccountId ?? null,
      clientId: row?.zoomClientId ?? null,
      clientSecretSet: Boolean(row?.zoomClientSecretSealed),
    },
    canSealSecrets,
  };
}

export async function requireOrgVideoSettings(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  return present(await getVideoSettings(ctx.db, orgId), ctx.videoSetup.secretsKey !== null);
}

/**
 * An admin chooses how the organisation's sessions meet. Zoom needs its
 * account id, client id and client secret; the secret is sealed with
 * SECRETS_KEY (refused without one). Zoom credentials stay when another
 * provider is chosen: meetings Zoom already made are still moved and deleted.
 */
export async function setOrgVideoSettings(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: VideoSettingsInput,
) {
  const key = ctx.videoSetup.secretsKey;
  const secret = input.zoom?.clientSecret;
  if (secret && !key) {
    throw invalidField(
      'body.zoom.clientSecret',
      'cannot be stored: the server has no SECRETS_KEY (32 bytes, base64) to encrypt it with',
    );
  }
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const before = await getVideoSettings(tx, orgId);
    const sealed = secret && key ? sealSecret(key, secret, orgId) : before?.zoomClientSecretSealed;
    const row = {
      orgId,
      provider: input.provider,
      zoomAccountId: input.zoom?.accountId ?? before?.zoomAccountId ?? null,
      zoomClientId: input.zoom?.clientId ?? before?.zoomClientId ?? null,
      zoomClientSecretSealed: sealed ?? null,
    };
    if (row.provider === 'zoom') {
      if (!row.zoomAccountId) throw invalidField('body.zoom.accountId', 'is required for Zoom');
      if (!row.zoomClientId) throw invalidField('body.zoom.clientId', 'is required for Zoom');
      if (!row.zoomClientSecretSealed) {
        throw invalidField('body.zoom.clientSecret', 'is required for Zoom');
      }
      if (!key) {
        throw invalidField('body.provider', 'Zoom needs SECRETS_KEY set on the server');
      }
    }
    const saved = await upsertVideoSettings(tx, row, ctx.now());
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'organisation.video_changed',
      subjectType: 'organisation',
      subjectId: orgId,
      details: {
        from: before?.provider ?? 'jitsi',
        to: saved.provider,
        zoomAccountId: saved.zoomAccountId,
        zoomClientId: saved.zoomClientId,
        clientSecretChanged: Boolean(secret),
      },
    });
    return present(saved, key !== null);
  });
}
