import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import {
  photoMime,
  removeProfilePhoto,
  requireMyProfile,
  requireVisibleUser,
  setProfilePhoto,
  updateProfile,
} from '../../services/manage-profile.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { readFormData } from '../multipart.ts';
import { errorResponses, profile, profileInput, uuidParam } from '../schemas.ts';
import { parseInput } from '../validation.ts';

const tags = ['profiles'];

export const profileRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { ctx, storage, config },
) => {
  app.get(
    '/api/me/profile',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'My profile', response: { 200: profile, ...errorResponses } },
    },
    async (request) => {
      return requireMyProfile(ctx, requireActor(request));
    },
  );

  app.patch(
    '/api/me/profile',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Edit my profile (any subset of fields)',
        body: profileInput.partial(),
        response: { 200: profile, ...errorResponses },
      },
    },
    async (request) => updateProfile(ctx, requireActor(request), request.body),
  );

  app.put(
    '/api/me/photo',
    {
      config: { access: 'signed-in', limit: { rule: 'uploads', per: 'user' } },
      schema: {
        tags,
        summary: `Upload my photo (multipart field "photo"; JPEG, PNG, WebP or GIF; at most ${config.maxUploadBytes} bytes)`,
        consumes: ['multipart/form-data'],
        response: { 200: profile, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const form = await readFormData(request, {
        fileFields: ['photo'],
        maxFileBytes: config.maxUploadBytes,
      });
      parseInput(z.strictObject({}), form.fields);
      const photo = form.files[0];
      if (!photo) {
        throw new AppError('validation_failed', 'The multipart field "photo" is required', {
          fields: { photo: 'is required' },
        });
      }
      const bytes = photo.bytes;
      await setProfilePhoto(ctx, storage, actor, bytes);
      return requireMyProfile(ctx, actor);
    },
  );

  app.delete(
    '/api/me/photo',
    {
      config: { access: 'signed-in', limit: { rule: 'uploads', per: 'user' } },
      schema: { tags, summary: 'Remove my photo', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await removeProfilePhoto(ctx, storage, requireActor(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/users/:userId/photo',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "A member's photo (only for people who share an organisation)",
        params: z.object({ userId: uuidParam }),
      },
    },
    async (request, reply) => {
      const user = await requireVisibleUser(ctx, requireActor(request), request.params.userId);
      const bytes = user.photoKey ? await storage.get(user.photoKey) : null;
      if (!user.photoKey || !bytes) throw notFound('Photo');
      return reply
        .type(photoMime(user.photoKey))
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
};
