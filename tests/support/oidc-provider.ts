import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback,
 * for single sign-on tests: its development login screen takes any login,
 * which becomes the account whose claims `accounts` gives. Client
 * `confer-expiring` gets codes that expire after a second.
 */
export type TestAccount = { name: string; emailVerified?: boolean };

export type OidcProviderStandIn = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  expiringClientId: string;
  /**
   * Follows a browser's part from the authorization URL: signs in as
   * `login` on the provider's login and consent screens, and returns the
   * callback URL the provider sends the browser to (not followed).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
};

export async function startOidcProvider(
  redirectUri: string,
  accounts: Record<string, TestAccount>,
): Promise<OidcProviderStandIn> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(16).toString('hex');
  const client = (client_id: string): ClientMetadata => ({
    client_id,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  const provider = new Provider(issuer, {
    clients: [client('confer'), client('confer-expiring')],
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      IdToken: 3600,
      AccessToken: 3600,
      AuthorizationCode: (_ctx, _code, c) => (c.clientId === 'confer-expiring' ? 1 : 60),
    },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id,
        email_verified: accounts[id]?.emailVerified ?? true,
        name: accounts[id]?.name ?? id,
      }),
    }),
  });
  handler = provider.callback();

  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [k = '', ...v] = pair.split('=');
      jar.set(k.trim(), v.join('='));
    }
    return res;
  };
  /** The one form on the provider's page: its action and a submit of these fields. */
  const submit = async (page: Response, fields: Record<string, string>) => {
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
    return send(new URL(action.replace(/&amp;/g, '&'), issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  };

  return {
    issuer,
    clientId: 'confer',
    clientSecret,
    expiringClientId: 'confer-expiring',
    async signIn(authorizationUrl, login) {
      jar.clear();
      let res = await send(authorizationUrl);
      for (let hops = 0; hops < 10; hops++) {
        const location = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && location) {
          const next = new URL(location, issuer);
          if (next.href.startsWith(redirectUri)) return next;
          res = await send(next.href);
          continue;
        }
        const page = res.clone();
        const html = await res.text();
        res = html.includes('name="login"')
          ? await submit(page, { prompt: 'login', login, password: 'any' })
          : await submit(page, { prompt: 'consent' });
      }
      throw new Error('the provider never sent the browser back');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
