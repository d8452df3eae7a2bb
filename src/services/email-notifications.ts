import { claimUnemailedNotifications, markEmailed } from '../db/queries/notifications.ts';
import type { ServiceContext } from './context.ts';

/**
 * Emails notifications that have not gone out yet (seed 004: "You get an
 * immediate email"). Rows are claimed SKIP LOCKED, so instances do not send
 * the same one; a crash between sending and committing sends it again
 * (at least once, never lost). Without a mailer, nothing is claimed.
 */
export async function emailNotifications(ctx: ServiceContext, limit = 50): Promise<number> {
  const mailer = ctx.mailer;
  if (!mailer) return 0;
  return ctx.db.transaction(async (tx) => {
    const due = await claimUnemailedNotifications(tx, limit);
    for (const n of due) {
      const link =
        n.link && ctx.publicUrl ? `\n\nOpen Confer: ${new URL(n.link, ctx.publicUrl).href}` : '';
      await mailer.send({
        to: `${n.name} <${n.email}>`,
        subject: n.title,
        text: `${n.title}${n.body ? `\n\n${n.body}` : ''}${link}`,
      });
      await markEmailed(tx, n.id, ctx.now());
    }
    return due.length;
  });
}
