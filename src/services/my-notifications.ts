import { announceChange } from '../db/queries/live-events.ts';
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

/** Marks them read; the user's other open pages update their bell. */
export async function markMyNotificationsRead(
  ctx: ServiceContext,
  actor: Actor,
  ids: number[] | null,
) {
  return ctx.db.transaction(async (tx) => {
    const marked = await markNotificationsRead(tx, actor.userId, ids, ctx.now());
    await announceChange(tx, {
      type: 'notification',
      resources: ['notifications'],
      userIds: [actor.userId],
    });
    return marked;
  });
}
