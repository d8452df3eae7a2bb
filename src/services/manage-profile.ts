import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, notFound } from '../core/errors.ts';
import { photoUrlFor } from '../core/photo-url.ts';
import { getUserById, type UserRow, updateUser } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { listOrganisationsOfUser, shareAnOrganisation } from '../db/queries/organisations.ts';
import type { FileStorage } from '../integrations/file-storage.ts';
import type { Actor, ServiceContext } from './context.ts';

export type ProfileInput = {
  name: string;
  bio: string;
  skills: string[];
  shortTermGoals: string;
  longTermGoals: string;
  timeZone: string;
  location: string;
};

export type Profile = ProfileInput & {
  id: string;
  hasPhoto: boolean;
  photoUrl: string | null;
  updatedAt: Date;
};

export function toProfile(user: UserRow): Profile {
  return {
    id: user.id,
    name: user.name,
    bio: user.bio,
    skills: user.skills,
    shortTermGoals: user.shortTermGoals,
    longTermGoals: user.longTermGoals,
    timeZone: user.timeZone,
    location: user.location,
    hasPhoto: user.photoKey !== null,
    photoUrl: photoUrlFor(user.id, user.photoKey),
    updatedAt: user.updatedAt,
  };
}

/** The signed-in person's own profile. */
export async function requireMyProfile(ctx: ServiceContext, actor: Actor): Promise<Profile> {
  const user = await getUserById(ctx.db, actor.userId);
  if (!user) throw notFound('User');
  return toProfile(user);
}

/**
 * Who a signed-in session belongs to, with their organisations. The account
 * behind a live session cannot be absent (deleting one ends its sessions), so
 * absence is a bug, not a 404.
 */
export async function requireMe(ctx: ServiceContext, actor: Actor) {
  const user = await getUserById(ctx.db, actor.userId);
  if (!user) throw new Error(`signed-in user ${actor.userId} vanished`);
  const organisations = await listOrganisationsOfUser(ctx.db, actor.userId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    timeZone: user.timeZone,
    hasPhoto: user.photoKey !== null,
    photoUrl: photoUrlFor(user.id, user.photoKey),
    organisations: organisations.map(({ id, name, role, mentors, inMatchedProgram }) => ({
      id,
      name,
      role,
      mentors: Boolean(mentors),
      inMatchedProgram: Boolean(inMatchedProgram),
    })),
  };
}

/** Another person's profile: visible only to people who share an organisation with them. */
export async function requireVisibleUser(ctx: ServiceContext, actor: Actor, userId: string) {
  const user = await getUserById(ctx.db, userId);
  if (!user || !(await shareAnOrganisation(ctx.db, actor.userId, userId))) throw notFound('Member');
  return user;
}

export async function updateProfile(
  ctx: ServiceContext,
  actor: Actor,
  changes: Partial<ProfileInput>,
) {
  return ctx.db.transaction(async (tx) => {
    const user = await updateUser(tx, actor.userId, normaliseSkills(changes), ctx.now());
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'profile.updated',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { fields: Object.keys(changes) },
    });
    return toProfile(user);
  });
}

function normaliseSkills(changes: Partial<ProfileInput>): Partial<ProfileInput> {
  if (!changes.skills) return changes;
  const seen = new Map<string, string>();
  for (const skill of changes.skills) {
    const trimmed = skill.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return { ...changes, skills: [...seen.values()] };
}

const PHOTO_TYPES = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['image/gif', 'gif'],
]);

/** Stores a new photo; the type comes from the bytes, never from the client's claim. */
export async function setProfilePhoto(
  ctx: ServiceContext,
  storage: FileStorage,
  actor: Actor,
  bytes: Uint8Array,
) {
  if (bytes.length === 0) {
    throw new AppError('validation_failed', 'The photo is empty', {
      fields: { photo: 'is empty' },
    });
  }
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? PHOTO_TYPES.get(type.mime) : undefined;
  if (!type || !ext) {
    throw new AppError('unsupported_media_type', 'A photo must be a JPEG, PNG, WebP or GIF image', {
      fields: { photo: 'is not a JPEG, PNG, WebP or GIF image' },
    });
  }
  const key = `photos/${actor.userId}/${randomUUID()}.${ext}`;
  await storage.put(key, bytes);
  const previous = await ctx.db.transaction(async (tx) => {
    const before = await getUserById(tx, actor.userId);
    if (!before) throw notFound('User');
    await updateUser(tx, actor.userId, { photoKey: key }, ctx.now());
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'profile.photo_changed',
      subjectType: 'user',
      subjectId: actor.userId,
    });
    return before.photoKey;
  });
  if (previous) await storage.remove(previous);
}

export async function removeProfilePhoto(ctx: ServiceContext, storage: FileStorage, actor: Actor) {
  const removed = await ctx.db.transaction(async (tx) => {
    const user = await getUserById(tx, actor.userId);
    if (!user?.photoKey) return null;
    await updateUser(tx, actor.userId, { photoKey: null }, ctx.now());
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'profile.photo_removed',
      subjectType: 'user',
      subjectId: actor.userId,
    });
    return user.photoKey;
  });
  // The file goes only after the row stopped pointing at it.
  if (removed) await storage.remove(removed);
}

export function photoMime(key: string): string {
  const ext = key.split('.').pop();
  for (const [mime, e] of PHOTO_TYPES) if (e === ext) return mime;
  return 'application/octet-stream';
}
