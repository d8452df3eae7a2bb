import {
  countUnread,
  listNotifications,
  markNotificationsRead,
} from '../db/queries/notifications.ts';
import type { Actor, ServiceContext } from './context.ts';

export async function listMyNotifications(ctx: ServiceContext, actor: Actor) {
  const [unread, notifications] = [
    await countUnread(ctx.db, actor.userId),
    await listNotifications(ctx.db, actor.userId, 50),
  ];
  return { unread, notifications };
}

export function markMyNotificationsRead(ctx: ServiceContext, actor: Actor, ids: number[] | null) {
  return markNotificationsRead(ctx.db, actor.userId, ids, ctx.now());
}
