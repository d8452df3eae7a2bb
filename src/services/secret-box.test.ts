import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.ts';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = sealSecret(key, 'zoom-client-secret', 'org-1');
    expect(sealed).not.toContain('zoom-client-secret');
    expect(sealSecret(key, 'zoom-client-secret', 'org-1')).not.toBe(sealed);
    expect(openSecret(key, sealed, 'org-1')).toBe('zoom-client-secret');
  });

  it('refuses another key, another organisation, or altered text', () => {
    const sealed = sealSecret(key, 'zoom-client-secret', 'org-1');
    expect(() => openSecret(randomBytes(32), sealed, 'org-1')).toThrow();
    expect(() => openSecret(key, sealed, 'org-2')).toThrow();
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => openSecret(key, altered, 'org-1')).toThrow();
  });
});
