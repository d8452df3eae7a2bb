import { AppError, invalidField } from '../core/errors.ts';
import { NO_PASSWORD } from '../core/passwords.ts';
import type { ProgramRole } from '../core/roles.ts';
import { normaliseDomains, type SsoFailure, ssoAdmission } from '../core/single-sign-on.ts';
import { getUserByEmail, insertUser } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { getOrgMembership, insertOrgMember } from '../db/queries/organisations.ts';
import {
  getProgramInOrg,
  getProgramMembership,
  upsertProgramMember,
} from '../db/queries/programs.ts';
import {
  deleteSsoProvider,
  getSsoProvider,
  insertSsoLogin,
  listSsoProviders,
  type SsoProviderRow,
  takeSsoLogin,
  upsertSsoProvider,
} from '../db/queries/single-sign-on.ts';
import {
  authorizationUrl,
  discoveredProvider,
  discoverProvider,
  exchangeCode,
  newSignInChecks,
  type OidcClient,
} from '../integrations/oidc.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { hashSecret } from './secrets.ts';
import { openAuthSession } from './sign-in.ts';

/** How long a sign-in may spend at the provider. */
const SIGN_IN_MINUTES = 10;

export type SsoSettingsInput = {
  displayName: string;
  issuer: string;
  clientId: string;
  /** omitted: keep the stored one */
  clientSecret?: string | undefined;
  allowedDomains: string[];
  defaultProgramId: string | null;
  defaultProgramRole: ProgramRole;
  ssoOnly: boolean;
};

/** A refusal of a sign-in through the provider; the sign-in page says why. */
export class SsoSignInError extends Error {
  readonly reason: SsoFailure;
  constructor(reason: SsoFailure) {
    super(`single sign-on refused: ${reason}`);
    this.name = 'SsoSignInError';
    this.reason = reason;
  }
}

const present = (row: SsoProviderRow | null) =>
  row
    ? {
        displayName: row.displayName,
        issuer: row.issuer,
        clientId: row.clientId,
        hasClientSecret: true,
        allowedDomains: row.allowedDomains,
        defaultProgramId: row.defaultProgramId,
        defaultProgramRole: row.defaultProgramRole,
        ssoOnly: row.ssoOnly,
      }
    : null;

export async function readSsoSettings(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  return present(await getSsoProvider(ctx.db, orgId));
}

function clientOf(ctx: ServiceContext, row: SsoProviderRow, key: Buffer): OidcClient {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: openSecret(key, row.clientSecretSealed, row.orgId),
    allowHttp: ctx.ssoAllowHttp,
  };
}

function requireSecretsKey(ctx: ServiceContext) {
  const key = ctx.videoSetup.secretsKey;
  if (!key) {
    throw new AppError(
      'conflict',
      'The server has no SECRETS_KEY to keep the client secret with; set one and restart',
      { reason: 'no_secrets_key' },
    );
  }
  return key;
}

/**
 * An admin sets the organisation's OpenID Connect provider. The issuer is
 * read (discovery) before anything is stored, so a typo is refused at once;
 * the client secret is sealed with SECRETS_KEY.
 */
export async function configureSso(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: SsoSettingsInput,
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const key = requireSecretsKey(ctx);
  const { domains, invalid } = normaliseDomains(input.allowedDomains);
  if (invalid.length > 0) {
    throw invalidField('body.allowedDomains', `${invalid.join(', ')} is not a domain`);
  }
  if (domains.length === 0) {
    throw invalidField('body.allowedDomains', 'name at least one domain whose people may sign in');
  }
  if (input.defaultProgramId && !(await getProgramInOrg(ctx.db, orgId, input.defaultProgramId))) {
    throw invalidField('body.defaultProgramId', 'is not a program of this organisation');
  }
  const before = await getSsoProvider(ctx.db, orgId);
  const secret =
    input.clientSecret ?? (before ? openSecret(key, before.clientSecretSealed, orgId) : undefined);
  if (!secret) throw invalidField('body.clientSecret', 'is required');
  // Outside any transaction: the provider may be slow or down.
  try {
    await discoverProvider({
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecret: secret,
      allowHttp: ctx.ssoAllowHttp,
    });
  } catch (err) {
    throw invalidField(
      'body.issuer',
      `could not be read as an OpenID Connect issuer (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  await ctx.db.transaction(async (tx) => {
    await upsertSsoProvider(
      tx,
      {
        orgId,
        displayName: input.displayName,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecretSealed: sealSecret(key, secret, orgId),
        allowedDomains: domains,
        defaultProgramId: input.defaultProgramId,
        defaultProgramRole: input.defaultProgramRole,
        ssoOnly: input.ssoOnly,
      },
      ctx.now(),
    );
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: before ? 'sso.updated' : 'sso.configured',
      subjectType: 'organisation',
      subjectId: orgId,
      details: {
        issuer: input.issuer,
        clientId: input.clientId,
        allowedDomains: domains,
        defaultProgramId: input.defaultProgramId,
        ssoOnly: input.ssoOnly,
        secretChanged: input.clientSecret !== undefined,
      },
    });
  });
  return readSsoSettings(ctx, actor, orgId);
}

/** Turns single sign-on off; already off, nothing happens (and nothing is recorded). */
export async function removeSso(ctx: ServiceContext, actor: Actor, orgId: string) {
  await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    if (!(await deleteSsoProvider(tx, orgId))) return;
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'sso.removed',
      subjectType: 'organisation',
      subjectId: orgId,
    });
  });
}

/** The sign-in page's "Sign in with …" buttons. */
export async function listSignInProviders(ctx: ServiceContext) {
  return (await listSsoProviders(ctx.db)).map((p) => ({ id: p.orgId, name: p.displayName }));
}

/** Begins a sign-in: remembers its state, nonce and PKCE verifier, and returns where to send the browser. */
export async function beginSsoSignIn(ctx: ServiceContext, orgId: string, redirectUri: string) {
  const row = await getSsoProvider(ctx.db, orgId);
  // A button left on an open page after its organisation turned SSO off.
  if (!row) throw new SsoSignInError('failed');
  const config = await discoveredProvider(clientOf(ctx, row, requireSecretsKey(ctx))).catch(() => {
    throw new SsoSignInError('failed');
  });
  const checks = await newSignInChecks();
  const now = ctx.now();
  await insertSsoLogin(ctx.db, {
    stateHash: hashSecret(checks.state),
    orgId,
    nonce: checks.nonce,
    codeVerifier: checks.codeVerifier,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
  });
  return authorizationUrl(config, { ...checks, redirectUri });
}

/**
 * Finishes a sign-in at the callback: the state must be one begun here and
 * not used; the provider's answer must pass every check of exchangeCode;
 * the person must be admitted (core ssoAdmission). A first-timer gets an
 * account without a password, joins the organisation and its default
 * program; then a session opens. Every refusal is an SsoSignInError.
 */
export async function finishSsoSignIn(ctx: ServiceContext, callbackUrl: URL, userAgent: string) {
  const state = callbackUrl.searchParams.get('state');
  const login = state ? await takeSsoLogin(ctx.db, hashSecret(state), ctx.now()) : null;
  if (!login || !state) throw new SsoSignInError('expired');
  const row = await getSsoProvider(ctx.db, login.orgId);
  if (!row) throw new SsoSignInError('failed');
  const client = clientOf(ctx, row, requireSecretsKey(ctx));
  let claims: Awaited<ReturnType<typeof exchangeCode>>;
  try {
    const config = await discoveredProvider(client);
    claims = await exchangeCode(config, callbackUrl, {
      state,
      nonce: login.nonce,
      codeVerifier: login.codeVerifier,
    });
  } catch {
    throw new SsoSignInError('failed');
  }
  const admitted = ssoAdmission(claims, row.allowedDomains);
  if (!admitted.ok) throw new SsoSignInError(admitted.reason);
  const user = await ctx.db.transaction(async (tx) => {
    const existing = await getUserByEmail(tx, admitted.email);
    const person =
      existing ??
      (await insertUser(tx, {
        email: admitted.email,
        passwordHash: NO_PASSWORD,
        name: admitted.name,
        timeZone: 'UTC',
      }));
    const joined = !(await getOrgMembership(tx, row.orgId, person.id));
    if (joined) await insertOrgMember(tx, row.orgId, person.id, 'member');
    const program = row.defaultProgramId;
    const addedToProgram =
      joined && program !== null && !(await getProgramMembership(tx, program, person.id));
    if (addedToProgram) await upsertProgramMember(tx, program, person.id, row.defaultProgramRole);
    if (!existing || joined) {
      await insertAuditEvent(tx, {
        orgId: row.orgId,
        actorId: person.id,
        action: existing ? 'member.joined_by_sso' : 'member.created_by_sso',
        subjectType: 'user',
        subjectId: person.id,
        details: {
          issuer: row.issuer,
          subject: claims.sub,
          programId: addedToProgram ? program : null,
          programRole: addedToProgram ? row.defaultProgramRole : null,
        },
      });
    }
    return person;
  });
  // openAuthSession refuses someone every organisation deactivated; the sign-in page says why.
  return openAuthSession(ctx, user, userAgent).catch((err: unknown) => {
    if (err instanceof AppError && err.reason === 'deactivated') {
      throw new SsoSignInError('deactivated');
    }
    throw err;
  });
}
