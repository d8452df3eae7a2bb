import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * Credentials Confer must use again (a Zoom client secret), so they cannot be
 * hashed like passwords: AES-256-GCM under SECRETS_KEY. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). The context (the organisation's
 * id) is authenticated data: a sealed value copied to another row does not open.
 */

const VERSION = 'v1';

export function sealSecret(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

/** Throws when the key, the context or the sealed text is not the one it was sealed with. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [version, iv = '', tag = '', body = ''] = sealed.split('.');
  if (version !== VERSION) throw new Error('unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  return plain.toString('utf8');
}
