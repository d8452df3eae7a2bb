import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { SsoClaims } from '../core/single-sign-on.ts';

/*
 * The OpenID Connect side of single sign-on (issue #13), through the
 * maintained client openid-client: discovery, the authorization URL with
 * state, nonce and PKCE, and the code exchange that checks them all and the
 * ID token's signature, issuer, audience and expiry.
 */

export type OidcClient = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** plain http (a provider on this machine in tests, or self-hosted): off unless configured */
  allowHttp: boolean;
};

/** How long discovery and the code exchange may take before a sign-in fails. */
const TIMEOUT_SECONDS = 10;

/** Reads the provider's metadata (its endpoints and keys); fails when the issuer is not one. */
export function discoverProvider(c: OidcClient): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(c.issuer), c.clientId, c.clientSecret, undefined, {
    timeout: TIMEOUT_SECONDS,
    ...(c.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}

/** How long a provider's metadata is reused for sign-ins before it is read again. */
const DISCOVERY_TTL_MS = 5 * 60_000;
const discovered = new Map<string, { until: number; config: Promise<oidc.Configuration> }>();

/**
 * The provider's metadata for a sign-in: read once and reused for a few
 * minutes, so a sign-in's start and its callback do not each fetch it. A
 * failed read is not kept; new credentials are a new entry.
 */
export function discoveredProvider(c: OidcClient, now = Date.now()): Promise<oidc.Configuration> {
  const key = [
    c.issuer,
    c.clientId,
    createHash('sha256').update(c.clientSecret).digest('hex'),
    c.allowHttp,
  ].join('\n');
  const hit = discovered.get(key);
  if (hit && hit.until > now) return hit.config;
  const config = discoverProvider(c);
  discovered.set(key, { until: now + DISCOVERY_TTL_MS, config });
  config.catch(() => discovered.delete(key));
  return config;
}

/** A fresh state, nonce and PKCE verifier for one sign-in. */
export async function newSignInChecks() {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier,
    codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
  };
}

export function authorizationUrl(
  config: oidc.Configuration,
  p: { redirectUri: string; state: string; nonce: string; codeChallenge: string },
): URL {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: p.redirectUri,
    scope: 'openid email profile',
    state: p.state,
    nonce: p.nonce,
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
  });
}

/**
 * Exchanges the callback's code for tokens, checking state, nonce and PKCE,
 * and returns who the ID token (or the UserInfo endpoint, for the same
 * subject) says signed in. Throws on any mismatch, an
 * error from the provider, or an expired or used code.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<SsoClaims> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error('the provider returned no ID token');
  // Many providers keep email and name for the UserInfo endpoint; asked for the same subject.
  const claims =
    typeof idToken.email === 'string'
      ? idToken
      : { ...idToken, ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
  return {
    sub: idToken.sub,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' ? claims.name : undefined,
  };
}
