import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { videoProviderNames } from '../../core/video-providers.ts';
import { requireOrgVideoSettings, setOrgVideoSettings } from '../../services/configure-video.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, uuidParam } from '../schemas.ts';

const tags = ['organisations'];
const params = z.object({ orgId: uuidParam });
const credential = z.string().trim().min(1, 'must not be empty').max(200);

const videoSettings = z
  .object({
    provider: z.enum(videoProviderNames),
    zoom: z.object({
      accountId: z.string().nullable(),
      clientId: z.string().nullable(),
      clientSecretSet: z.boolean().meta({ description: 'the secret itself is never returned' }),
    }),
    canSealSecrets: z
      .boolean()
      .meta({ description: 'whether the server has SECRETS_KEY, which Zoom needs' }),
  })
  .register(apiSchemas, { id: 'VideoSettings' });

export const videoSettingsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/video',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "How the organisation's sessions meet (admin)",
        params,
        response: { 200: videoSettings, ...errorResponses },
      },
    },
    async (request) => requireOrgVideoSettings(ctx, requireActor(request), request.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/video',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Choose Jitsi, Zoom or links added by mentors (admin)',
        params,
        body: z.strictObject({
          provider: z.enum(videoProviderNames),
          zoom: z
            .strictObject({
              accountId: credential,
              clientId: credential,
              clientSecret: credential
                .optional()
                .meta({ description: 'only to change it; omitted, the stored one stays' }),
            })
            .optional(),
        }),
        response: { 200: videoSettings, ...errorResponses },
      },
    },
    async (request) =>
      setOrgVideoSettings(ctx, requireActor(request), request.params.orgId, request.body),
  );
};
