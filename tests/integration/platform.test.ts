import { describe, expect, it } from 'vitest';
import { as, signUp } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app } = await createTestApp();

describe('platform endpoints', () => {
  it('answers liveness and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('publishes an OpenAPI 3.1 document generated from the routes, and interactive docs', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/orgs/{orgId}/programs',
        '/api/orgs/{orgId}/invitations',
      ]),
    );
    const signUp =
      doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUp.required).toEqual(expect.arrayContaining(['email', 'password', 'name']));
    expect(signUp.additionalProperties).toBe(false);
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('tags every response with a request id, echoing a caller-supplied one', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.headers['x-request-id']).toBe('trace-123');
    const generated = await app.inject({ method: 'GET', url: '/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes and bad ids with JSON errors, never a 500', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    const me = await signUp(app);
    const badId = await as(app, me).get('/api/orgs/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toEqual({ 'params.orgId': 'must be a UUID' });
  });
});
