import { nextDigestAt } from '../core/daily-digest.ts';
import type { Tx } from '../db/client.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { insertWrittenEmail } from '../db/queries/deliveries.ts';
import { hasPendingJob, insertJob } from '../db/queries/jobs.ts';
import { listUnemailedThreads, markThreadEmailed } from '../db/queries/messaging.ts';
import { emailChoiceOf } from '../db/queries/notification-preferences.ts';
import { listDigestItems, markDigested } from '../db/queries/notifications.ts';
import { listOrganisationsOfUser } from '../db/queries/organisations.ts';
import { renderDigestEmail } from '../emails/digest-email.tsx';
import type { ServiceContext } from './context.ts';
import { unsubscribePage, unsubscribeUrl } from './unsubscribe-links.ts';

/*
 * The daily digest (issue #11): notifications someone chose to get "in a
 * daily digest" wait (email = 'daily'), and so do unread messages when
 * messages are chosen so; at 08:00 on their clock one email per organisation
 * carries them. The job is scheduled when the first item waits, runs once
 * (its key names the day), and marks what it sent in its own transaction.
 */

export const DIGEST_JOB = 'notifications.digest';
/** The most items one digest lists; the rest come the next day. */
const MOST = 100;

/** In the transaction that made a waiting item: the person's next digest is due. */
export async function scheduleDigest(tx: Tx, ctx: ServiceContext, userId: string) {
  if (await hasPendingJob(tx, DIGEST_JOB, { userId })) return;
  const user = await getUserById(tx, userId);
  if (!user) return;
  const next = nextDigestAt(ctx.now().getTime(), user.timeZone);
  await insertJob(tx, {
    kind: DIGEST_JOB,
    runAt: new Date(next.atMs),
    payload: { userId },
    dedupeKey: `digest:${userId}:${next.date}`,
  });
}

const orgOfLink = (link: string | null) => /^\/o\/([0-9a-f-]{36})\//.exec(link ?? '')?.[1] ?? null;

/** The job: this morning's digest, one email per organisation with news. */
export async function sendDigest(tx: Tx, ctx: ServiceContext, payload: Record<string, string>) {
  const user = await getUserById(tx, payload.userId ?? '');
  if (!user || !ctx.mailer) return;
  const items = await listDigestItems(tx, user.id, MOST);
  const messagesDaily = (await emailChoiceOf(tx, user.id, 'messages')) === 'daily';
  const threads = messagesDaily ? await listUnemailedThreads(tx, user.id) : [];
  if (items.length === 0 && threads.length === 0) return;
  const orgs = new Map((await listOrganisationsOfUser(tx, user.id)).map((o) => [o.id, o.name]));
  const orgIds = new Set<string | null>([
    ...items.map((i) => orgOfLink(i.link)),
    ...threads.map((t) => t.orgId),
  ]);
  const absolute = (path: string) => (ctx.publicUrl ? new URL(path, ctx.publicUrl).href : null);
  const unsubscribe = await unsubscribeUrl(ctx, user.id, 'digest');
  for (const orgId of orgIds) {
    // An organisation left since: its news is no longer theirs to read.
    if (orgId && !orgs.has(orgId)) continue;
    const mine = items.filter((i) => orgOfLink(i.link) === orgId);
    const talks = threads.filter((t) => t.orgId === orgId);
    const content = await renderDigestEmail({
      recipient: { name: user.name, timeZone: user.timeZone },
      orgName: orgId ? (orgs.get(orgId) ?? null) : null,
      items: mine.map((i) => ({
        title: i.title,
        body: i.body,
        at: i.createdAt,
        url: i.link ? absolute(i.link) : null,
      })),
      conversations: talks.map((t) => ({
        otherName: t.otherName,
        count: t.count,
        url: absolute(`/o/${t.orgId}/messages/${t.threadId}`),
      })),
      openUrl: absolute(orgId ? `/o/${orgId}/` : '/'),
      settingsUrl: absolute('/account#notifications'),
      unsubscribePageUrl: unsubscribe && unsubscribePage(unsubscribe),
    });
    await insertWrittenEmail(
      tx,
      {
        userId: user.id,
        topic: 'digest',
        title: content.subject.replace(/^\[[^\]]*\] /, ''),
        body: '',
        link: orgId ? `/o/${orgId}/` : '/',
        subject: content.subject,
        bodyText: content.text,
        bodyHtml: content.html,
        unsubscribeUrl: unsubscribe,
      },
      ctx.now(),
    );
    await markDigested(
      tx,
      mine.map((i) => i.id),
      ctx.now(),
    );
    for (const t of talks) await markThreadEmailed(tx, t.threadId, user.id, Number(t.lastSeq));
  }
  // More than one digest holds: the rest tomorrow.
  if (items.length === MOST) await scheduleDigest(tx, ctx, user.id);
}
