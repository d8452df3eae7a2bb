import { describe, expect, it } from 'vitest';
import { PASSWORD, signUp } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app } = await createTestApp({ TRUST_PROXY: 'true' });

describe('behind an HTTPS reverse proxy', () => {
  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    const me = await signUp(app);
    const viaHttps = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: me.email, password: PASSWORD },
    });
    expect(String(viaHttps.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: me.email, password: PASSWORD },
    });
    expect(String(plain.headers['set-cookie'])).not.toMatch(/; Secure/);
  });
});
