import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { schemaFile, schemaText } from '../../scripts/api-contract.ts';
import { buildOpenApiDocument } from '../../src/openapi-document.ts';

const run = promisify(execFile);
const document = await buildOpenApiDocument();

type Doc = {
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  paths: Record<string, Record<string, { responses: Record<string, { content: unknown }> }>>;
};

/** `npm run api:check` against `file`: its exit code and what it printed. */
async function check(file: string) {
  try {
    await run('node', ['--import', 'tsx', 'scripts/api-contract.ts', 'check', file]);
    return { code: 0, stderr: '' };
  } catch (err) {
    const failed = err as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('the generated API contract', () => {
  it('names the shapes as components that the operations refer to', () => {
    const doc = document as unknown as Doc;
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Booking',
        'Session',
        'MentorshipRequest',
        'Thread',
        'Message',
        'Notification',
        'Member',
        'Program',
        'Organisation',
        'Slot',
        'Delivery',
        'Error',
      ]),
    );
    const booking = doc.paths['/api/orgs/{orgId}/bookings/{bookingId}']?.get?.responses['200'];
    expect(JSON.stringify(booking?.content)).toContain('#/components/schemas/Booking');
    const refused = doc.paths['/api/orgs/{orgId}/bookings/{bookingId}']?.get?.responses['404'];
    expect(JSON.stringify(refused?.content)).toContain('#/components/schemas/Error');
  });

  it('checks in web client types that match the routes as they are', {
    timeout: 90_000,
  }, async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(await schemaText(document));
    expect(await check(schemaFile)).toEqual({ code: 0, stderr: '' });
  });

  it('fails the check when a route’s schema changed and the client was not regenerated', {
    timeout: 90_000,
  }, async () => {
    // The client as it was generated before a field was dropped from Booking.
    const before = structuredClone(document) as unknown as Doc;
    const booking = before.components.schemas.Booking;
    if (!booking?.properties) throw new Error('Booking has no properties');
    booking.properties.retiredField = { type: 'string' };
    const stale = path.join(await mkdtemp(path.join(tmpdir(), 'confer-contract-')), 'schema.ts');
    await writeFile(stale, await schemaText(before as unknown as Record<string, unknown>));

    const result = await check(stale);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is stale');
    expect(result.stderr).toContain('npm run api:generate');
  });
});
