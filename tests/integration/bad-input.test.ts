import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { contextFromConfig } from '../../src/services/context.ts';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { countRows as countTableRows } from '../support/table-counts.ts';
import { createTestApp, openTestDatabase } from '../support/test-app.ts';

// Issue #9 items 10–12: bad input is a 4xx in the one error shape, naming the
// field, never a 500 and never a half-written change.
const { app, database } = await createTestApp({ MAX_UPLOAD_BYTES: '20000' });
const { admin, orgId } = await createOrgWithAdmin(app);
const member = await addMember(app, admin, orgId, { name: 'Mia Member' });

const NUL = '\u0000';
const BOUNDARY = 'confer-bad-input';

const countRows = (table: string) => countTableRows(database, table);

function expectErrorShape(res: { statusCode: number; json: () => unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  return body.error as { code: string; message: string; fields?: Record<string, string> };
}

function multipartRequest(
  session: Session | null,
  method: 'PUT' | 'POST',
  url: string,
  payload: Buffer | string,
  boundary = BOUNDARY,
) {
  return app.inject({
    method,
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
  });
}

const filePart = (field: string, filename: string, content: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n${content}\r\n`;
const textPart = (field: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`;
const end = `--${BOUNDARY}--\r\n`;

/** A conversation the admin may keep writing to: the member accepted its first message. */
async function openThread(): Promise<string> {
  const first = await as(app, admin).post(`/api/orgs/${orgId}/threads`, {
    toUserId: member.userId,
    body: 'hello',
  });
  expect(first.statusCode).toBe(201);
  const requests = await as(app, member).get(`/api/orgs/${orgId}/message-requests`);
  const requestId = requests.json().received[0].id;
  const accepted = await as(app, member).post(
    `/api/orgs/${orgId}/message-requests/${requestId}/accept`,
  );
  expect(accepted.statusCode).toBe(204);
  return first.json().threadId;
}
const threadId = await openThread();

describe('item 10: a NUL character in any text is a 400 naming the field', () => {
  it('refuses an organisation name with NUL and creates nothing', async () => {
    const before = await countRows('organisations');
    const res = await as(app, admin).post('/api/orgs', { name: `a${NUL}b` });
    const error = expectErrorShape(res, 400);
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(['body.name']);
    expect(await countRows('organisations')).toBe(before);
  });

  it('refuses a profile bio with NUL and keeps the old bio', async () => {
    await as(app, member).patch('/api/me/profile', { bio: 'before' });
    const res = await as(app, member).patch('/api/me/profile', { bio: `x${NUL}`, location: 'ok' });
    const error = expectErrorShape(res, 400);
    expect(error.fields).toHaveProperty(['body.bio']);
    expect(error.fields).not.toHaveProperty(['body.location']);
    expect((await as(app, member).get('/api/me/profile')).json().bio).toBe('before');
  });

  it('names nested fields (a skill in a list)', async () => {
    const res = await as(app, member).patch('/api/me/profile', { skills: ['go', `r${NUL}ust`] });
    expect(expectErrorShape(res, 400).fields).toHaveProperty(['body.skills.1']);
  });

  it('refuses NUL in a message, sent as JSON or as a multipart field', async () => {
    const url = `/api/orgs/${orgId}/threads/${threadId}/messages`;
    const before = await countRows('messages');
    const json = await as(app, admin).post(url, { body: `hi${NUL}` });
    expect(expectErrorShape(json, 400).fields).toHaveProperty(['body.body']);
    const form = await multipartRequest(admin, 'POST', url, textPart('body', `hi${NUL}`) + end);
    expect(expectErrorShape(form, 400).fields).toHaveProperty(['body.body']);
    expect(await countRows('messages')).toBe(before);
  });

  it('refuses NUL in a query string, naming query.<name>', async () => {
    const res = await as(app, member).get(`/api/orgs/${orgId}/mentors?q=a%00b`);
    expect(expectErrorShape(res, 400).fields).toHaveProperty(['query.q']);
  });

  it('refuses NUL in a path parameter, naming params.<name>', async () => {
    const res = await as(app, member).get('/api/invitations/abc%00def');
    expect(expectErrorShape(res, 400).fields).toHaveProperty(['params.token']);
  });
});

describe('item 11: malformed multipart is a 400/413, and anonymous callers are refused first', () => {
  it('refuses a photo whose boundary does not match the header', async () => {
    const body = filePart('photo', 'me.png', 'PNGDATA') + end;
    const res = await multipartRequest(member, 'PUT', '/api/me/photo', body, 'mismatch');
    expect(expectErrorShape(res, 400).code).toBe('bad_request');
  });

  it('refuses a truncated photo upload', async () => {
    const body = filePart('photo', 'me.png', 'PNGDATA'.repeat(50)).slice(0, 150);
    const res = await multipartRequest(member, 'PUT', '/api/me/photo', body);
    expect(expectErrorShape(res, 400).code).toBe('bad_request');
  });

  it('refuses a truncated or mismatched message attachment and stores nothing', async () => {
    const url = `/api/orgs/${orgId}/threads/${threadId}/messages`;
    const before = await countRows('messages');
    const truncated = (
      textPart('body', 'see file') + filePart('file', 'a.txt', 'x'.repeat(500))
    ).slice(0, 300);
    expectErrorShape(await multipartRequest(admin, 'POST', url, truncated), 400);
    const mismatch = textPart('body', 'see file') + filePart('file', 'a.txt', 'abc') + end;
    expectErrorShape(await multipartRequest(admin, 'POST', url, mismatch, 'mismatch'), 400);
    const direct = await multipartRequest(admin, 'POST', `/api/orgs/${orgId}/threads`, truncated);
    expectErrorShape(direct, 400);
    expect(await countRows('messages')).toBe(before);
  });

  it('answers an anonymous multipart upload with 401 before reading the body', async () => {
    const truncated = filePart('file', 'a.txt', 'x'.repeat(500)).slice(0, 200);
    for (const url of [
      `/api/orgs/${orgId}/threads/${threadId}/messages`,
      `/api/orgs/${orgId}/threads`,
    ]) {
      const res = await multipartRequest(null, 'POST', url, truncated);
      expect(expectErrorShape(res, 401).code).toBe('unauthenticated');
    }
    const photo = await multipartRequest(null, 'PUT', '/api/me/photo', truncated, 'mismatch');
    expect(expectErrorShape(photo, 401).code).toBe('unauthenticated');
  });
});

describe('item 12: router-level errors have the one error shape and the right code', () => {
  it('answers an over-long path parameter with 414 uri_too_long', async () => {
    const res = await as(app, member).get(`/api/orgs/${'a'.repeat(500)}`);
    expect(expectErrorShape(res, 414).code).toBe('uri_too_long');
  });

  it('answers a badly encoded URL with 400 bad_request', async () => {
    const res = await as(app, member).get('/api/orgs/%E0%A4%A');
    expect(expectErrorShape(res, 400).code).toBe('bad_request');
  });

  it('names the query or path field that failed validation', async () => {
    const limit = await as(app, admin).get(`/api/orgs/${orgId}/audit?limit=abc`);
    expect(expectErrorShape(limit, 400).fields).toHaveProperty(['query.limit']);
    const id = await as(app, admin).get('/api/orgs/not-a-uuid');
    expect(expectErrorShape(id, 400).fields).toHaveProperty(['params.orgId']);
  });

  it('labels malformed JSON bad_request, a wrong content type 415, and an empty JSON body 400', async () => {
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    const broken = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: '{"name":',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(expectErrorShape(broken, 400).code).toBe('bad_request');
    const xml = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: '<name/>',
      headers: { ...headers, 'content-type': 'application/xml' },
    });
    expect(expectErrorShape(xml, 415).code).toBe('unsupported_media_type');
    const empty = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: '',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(expectErrorShape(empty, 400).code).toBe('bad_request');
  });
});

describe('item 12: errors from plugins get our code for their status', () => {
  it('labels a 403 from the static file server forbidden, not bad_request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confer-web-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Confer</title>');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const db = await openTestDatabase();
    const ctx = contextFromConfig(db.db, config);
    const web = await buildApp({ config, database: db, ctx, logger: false, webRoot: dir });
    afterAll(async () => {
      await web.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const res = await web.inject({ method: 'GET', url: '/index.html%00' });
    expect(expectErrorShape(res, 403).code).toBe('forbidden');
  });
});
