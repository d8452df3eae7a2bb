import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type OidcProviderStandIn, startOidcProvider } from '../support/oidc-provider.ts';
import { seriousViolations } from './axe.ts';
import { conferFixture, newPage, openAdmin, region, signIn } from './support.ts';

/**
 * Issue #13 "Done when", the last step: the demo admin connects an OpenID
 * Connect provider (oidc-provider, run by this test on loopback) under
 * Admin → Sign-in, registering the redirect URI the page shows; then a new
 * person of an allowed domain signs in through it from the sign-in page and
 * gets an account in Open Mentoring.
 */
const fixture = conferFixture(async () => ({
  SSO_ALLOW_HTTP: 'true',
  SECRETS_KEY: randomBytes(32).toString('base64'),
}));
let oidc: OidcProviderStandIn | undefined;
afterAll(() => oidc?.close());

describe('single sign-on', () => {
  it('an admin connects the provider; a new person of an allowed domain signs in through it and gets an account', async () => {
    const admin = await newPage(fixture.browser, fixture.confer.url, 'Europe/Dublin', {
      bypassCSP: true,
    });
    await signIn(admin.page, 'admin@demo.confer.test');
    await openAdmin(admin.page, 'Sign-in');
    const card = region(admin.page, 'Single sign-on');
    const redirectUri = await card
      .getByLabel('Redirect URI (register it at your provider)')
      .inputValue();
    expect(redirectUri).toBe(`${fixture.confer.url}/api/auth/sso/callback`);
    oidc = await startOidcProvider(redirectUri, {
      'nia@northwind.example': { name: 'Nia Newcomer' },
    });
    await card.getByLabel('Button name').fill('Northwind SSO');
    await card.getByLabel('Issuer URL').fill(oidc.issuer);
    await card.getByLabel('Client ID').fill(oidc.clientId);
    await card.getByLabel('Client secret').fill(oidc.clientSecret);
    await card.getByLabel('Allowed email domains').fill('northwind.example');
    await card
      .getByLabel('First-timers join the program')
      .selectOption({ label: 'Open Mentoring' });
    await card.getByRole('button', { name: 'Save single sign-on' }).click();
    await card
      .getByText('Saved. The sign-in page now offers “Sign in with Northwind SSO”.')
      .waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);

    // A new person, on the sign-in page.
    const nia = await newPage(fixture.browser, fixture.confer.url, 'Africa/Lagos');
    await nia.page.goto('/sign-in');
    await nia.page.getByRole('link', { name: 'Sign in with Northwind SSO' }).click();
    // The provider's own screens: its login, then its consent.
    await nia.page.locator('input[name="login"]').fill('nia@northwind.example');
    await nia.page.locator('input[name="password"]').fill('anything');
    await nia.page.locator('button[type="submit"]').click();
    await nia.page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    // Back in Confer, signed in, a member of the organisation.
    await nia.page.locator('.user-menu').getByText('Nia Newcomer').waitFor();
    await nia.page.getByText('Northwind Mentoring').first().waitFor();

    // The admin sees her among the members, in Open Mentoring.
    await openAdmin(admin.page, 'Members');
    const members = region(admin.page, 'Members');
    await members.getByLabel('Search members').fill('Nia');
    const row = members.getByRole('row').filter({ hasText: 'nia@northwind.example' });
    await row.getByText('Open Mentoring').waitFor();
    await admin.context.close();
    await nia.context.close();
  });
});
