import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { ssoLogins, ssoProviders } from '../schema.ts';

export type SsoProviderRow = typeof ssoProviders.$inferSelect;

export async function getSsoProvider(q: Queryable, orgId: string) {
  const [row] = await q.select().from(ssoProviders).where(eq(ssoProviders.orgId, orgId));
  return row ?? null;
}

export async function upsertSsoProvider(
  q: Queryable,
  values: Omit<SsoProviderRow, 'updatedAt'>,
  now: Date,
) {
  const { orgId, ...rest } = values;
  await q
    .insert(ssoProviders)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({ target: ssoProviders.orgId, set: { ...rest, updatedAt: now } });
}

export async function deleteSsoProvider(q: Queryable, orgId: string) {
  const rows = await q.delete(ssoProviders).where(eq(ssoProviders.orgId, orgId)).returning();
  return rows.length > 0;
}

/** The providers a sign-in page offers, by name. */
export async function listSsoProviders(q: Queryable) {
  return q
    .select({ orgId: ssoProviders.orgId, displayName: ssoProviders.displayName })
    .from(ssoProviders)
    .orderBy(ssoProviders.displayName);
}

/** The SSO-only provider whose allowed domains include this one, if any. */
export async function getSsoOnlyProviderForDomain(q: Queryable, domain: string) {
  const [row] = await q
    .select({ orgId: ssoProviders.orgId, displayName: ssoProviders.displayName })
    .from(ssoProviders)
    .where(
      and(eq(ssoProviders.ssoOnly, true), sql`${domain} = any(${ssoProviders.allowedDomains})`),
    )
    .limit(1);
  return row ?? null;
}

export async function insertSsoLogin(q: Queryable, values: typeof ssoLogins.$inferInsert) {
  await q.insert(ssoLogins).values(values);
}

/** The unexpired sign-in with this state, taken (deleted) so it serves once. */
export async function takeSsoLogin(q: Queryable, stateHash: string, now: Date) {
  const [row] = await q
    .delete(ssoLogins)
    .where(and(eq(ssoLogins.stateHash, stateHash), gt(ssoLogins.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** Sign-ins begun and never finished, once expired. */
export async function purgeExpiredSsoLogins(q: Queryable, now: Date) {
  const rows = await q
    .delete(ssoLogins)
    .where(sql`${ssoLogins.expiresAt} <= ${now}`)
    .returning({ s: ssoLogins.stateHash });
  return rows.length;
}
