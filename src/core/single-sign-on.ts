/*
 * Issue #13 "Single sign-on": which people an organisation's OpenID Connect
 * provider may sign in (verified emails of its allowed domains), and whether
 * an address must use it instead of a password. Pure: the service talks to
 * the provider and the database.
 */

/** The part of an address after its last @, in lower case; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Domains as an admin types them ("Northwind.example, @corp.example"): lower case, no @, no repeats. */
export function normaliseDomains(input: string[]): { domains: string[]; invalid: string[] } {
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const raw of input) {
    const d = raw.trim().toLowerCase().replace(/^@/, '');
    if (!d) continue;
    if (domainPattern.test(d)) domains.add(d);
    else invalid.push(raw.trim());
  }
  return { domains: [...domains], invalid };
}

/** What the provider says of the person signing in (the ID token's claims). */
export type SsoClaims = {
  sub: string;
  email?: string | undefined;
  emailVerified?: boolean | undefined;
  name?: string | undefined;
};

export type SsoRefusal = 'no_email' | 'email_unverified' | 'domain_not_allowed';

/**
 * Whether the provider's answer lets this person in: it must name an email
 * it has verified, of one of the organisation's allowed domains (an
 * organisation with none allows no one).
 */
export function ssoAdmission(
  claims: SsoClaims,
  allowedDomains: readonly string[],
): { ok: true; email: string; name: string } | { ok: false; reason: SsoRefusal } {
  const email = claims.email?.trim();
  if (!email) return { ok: false, reason: 'no_email' };
  if (claims.emailVerified !== true) return { ok: false, reason: 'email_unverified' };
  const domain = emailDomain(email);
  if (!domain || !allowedDomains.includes(domain))
    return { ok: false, reason: 'domain_not_allowed' };
  const name = claims.name?.trim() || email.slice(0, email.lastIndexOf('@'));
  return { ok: true, email, name: name.slice(0, 120) };
}

/** Why a sign-in through the provider did not open a session. */
export type SsoFailure = SsoRefusal | 'expired' | 'failed' | 'deactivated';

/** What each refusal tells the person on the sign-in page. */
export const ssoRefusalMessages: Record<SsoFailure, string> = {
  no_email: 'Your organisation’s sign-in did not tell Confer your email address.',
  email_unverified: 'Your organisation’s sign-in has not verified your email address.',
  domain_not_allowed:
    'Your email address is not one this organisation lets in through single sign-on. Ask its admin.',
  expired: 'That sign-in took too long or was already used. Please start again.',
  failed: 'Single sign-on did not work. Please try again, or ask your organisation’s admin.',
  deactivated: 'Your organisation has deactivated your account. Ask its admin to reactivate it.',
};
