import { describe, expect, it } from 'vitest';
import { type Access, accessRules } from '../../src/http/access.ts';
import { signIn } from '../factories.ts';
import { allowanceFits, isAllowed, ownershipsFor, refusalFits } from '../support/access-matrix.ts';
import { byName, type Call, type Op, samples, streams } from '../support/access-samples.ts';
import { buildWorld, callers, type World } from '../support/access-world.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * The authorisation matrix: every operation of the served OpenAPI document ×
 * every kind of caller × their own or someone else's resource, each checked
 * against the operation's declared rule (`x-access`, from the route's
 * `config.access`). An operation without a rule fails the suite, naming it.
 */
const { app, ctx } = await createTestApp({ LOGIN_RATE_LIMIT: '100000' });

async function servedOperations(): Promise<Op[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops: Op[] = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const key = `${method.toUpperCase()} ${path}`;
      ops.push({
        method: method.toUpperCase(),
        path,
        key,
        access: op['x-access'] as Access | undefined,
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  // Removals last, deepest first; leaving the organisation last of all.
  const rank = (o: Op) =>
    o.key === 'DELETE /api/orgs/{orgId}/members/{userId}'
      ? 1e6
      : o.method === 'DELETE'
        ? 1e3 - o.path.split('/').length
        : 0;
  return ops.sort((a, b) => rank(a) - rank(b));
}

async function urlFor(w: World, op: Op, call: Call): Promise<string | null> {
  let url = op.path;
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
    const resolve = samples[op.key]?.params?.[name!] ?? byName[name!];
    if (!resolve) throw new Error(`${op.key}: no value for the path parameter ${name}`);
    const value = await resolve(w, call);
    if (value === null) return null;
    url = url.replace(`{${name}}`, encodeURIComponent(value));
  }
  return url;
}

async function send(w: World, op: Op, call: Call) {
  const url = await urlFor(w, op, call);
  if (url === null) return null;
  const sample = samples[op.key];
  const body = await sample?.body?.(w, call);
  const who = call.who && sample?.freshSession ? await signIn(app, call.who.email) : call.who;
  return app.inject({
    method: op.method as 'GET',
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {},
  });
}

const ops = await servedOperations();

describe('the authorisation matrix', () => {
  it('has a rule for every operation of the API', () => {
    const without = ops.filter((o) => !o.access || !(o.access in accessRules)).map((o) => o.key);
    expect(without, 'operations without config.access').toEqual([]);
    const noSample = ops
      .filter((o) => o.hasBody && !samples[o.key]?.body && !streams.has(o.key))
      .map((o) => o.key);
    expect(noSample, 'operations with a body but no sample request in this test').toEqual([]);
  });

  it('tells anonymous callers to sign in before judging their input', async () => {
    const w = { orgId: '00000000-0000-4000-8000-000000000000' };
    const judged: string[] = [];
    for (const op of ops.filter((o) => o.access !== 'public' && !streams.has(o.key))) {
      // Every parameter a well-formed UUID, and a body no route accepts.
      const url = op.path.replace(/\{\w+\}/g, w.orgId);
      const res = await app.inject({
        method: op.method as 'GET',
        url,
        ...(op.method === 'GET' ? {} : { payload: { unexpected: true } }),
      });
      if (res.statusCode !== 401) judged.push(`${op.key}: ${res.statusCode}`);
    }
    expect(judged).toEqual([]);
  });

  it('lets every caller do exactly what the rule of each operation says', async () => {
    const w = await buildWorld(app, ctx);
    const mismatches: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const rule = op.access;
      if (!rule) continue;
      const calls = callers.flatMap((caller) =>
        ownershipsFor(rule, caller).map((own) => ({ caller, own, who: w.people[caller] })),
      );
      // Refusals first: they must leave the resource as it was for the allowed callers.
      calls.sort(
        (a, b) =>
          Number(isAllowed(rule, a.caller, a.own)) - Number(isAllowed(rule, b.caller, b.own)),
      );
      for (const call of calls) {
        const allowed = isAllowed(rule, call.caller, call.own);
        if (allowed && streams.has(op.key)) continue;
        const res = await send(w, op, call);
        if (!res) continue;
        sent += 1;
        const orgScoped = !['public', 'signed-in', 'owner'].includes(rule);
        const fits = allowed
          ? allowanceFits(res.statusCode)
          : refusalFits(res.statusCode, call.caller, orgScoped);
        if (!fits) {
          mismatches.push(
            `${op.key} [${rule}] as ${call.caller} (${call.own}): expected ${allowed ? 'allowed' : 'refused'}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  });
});
