import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each probe is a real file in the layer it tests, linted by the project's own
// biome.json exactly as `npm run check` lints it; probes are removed afterwards.
const root = path.resolve(import.meta.dirname, '../..');
const biome = path.join(root, 'node_modules/.bin/biome');
const tag = `zz-layer-probe-${process.pid}`;

type Probe = { name: string; dir: string; source: string; refusal?: string };

const VIA_SERVICES = 'reach the database only through services';
const ONLY_HANDLE = 'may take only the `Database` type from db/client.ts';
const OUTWARD = 'must not depend on the HTTP layer';
const DATA_LAYER = 'src/db is the data layer';
const CLI = 'The CLI goes through services';
const BROWSER = 'The web app is browser code';
const SHARED_CORE = 'the shared pure modules listed in biome.json';
const EMAILS = 'src/emails says what each email says';

const value = (names: string, from: string) =>
  `import { ${names} } from '${from}';\n\nexport const probe = [${names}];\n`;

const probes: Probe[] = [
  // http ↛ db
  {
    name: 'route-queries',
    dir: 'src/http/routes',
    source: value('getUserById', '../../db/queries/accounts.ts'),
    refusal: VIA_SERVICES,
  },
  {
    name: 'http-schema',
    dir: 'src/http',
    source: value('users', '../db/schema.ts'),
    refusal: VIA_SERVICES,
  },
  { name: 'http-sql', dir: 'src/http', source: value('sql', 'drizzle-orm'), refusal: VIA_SERVICES },
  {
    name: 'http-open',
    dir: 'src/http',
    source: value('openDatabase', '../db/client.ts'),
    refusal: ONLY_HANDLE,
  },
  // jobs ↛ db, jobs ↛ http
  {
    name: 'jobs-queries',
    dir: 'src/jobs',
    source: value('insertAuditEvent', '../db/queries/audit.ts'),
    refusal: VIA_SERVICES,
  },
  {
    name: 'jobs-http',
    dir: 'src/jobs',
    source: value('handleError', '../http/errors.ts'),
    refusal: OUTWARD,
  },
  // emails ↛ db, services, integrations
  {
    name: 'emails-queries',
    dir: 'src/emails',
    source: value('getUserById', '../db/queries/accounts.ts'),
    refusal: EMAILS,
  },
  {
    name: 'emails-mailer',
    dir: 'src/emails',
    source: value('smtpMailer', '../integrations/email.ts'),
    refusal: EMAILS,
  },
  // db ↛ services, http, jobs
  {
    name: 'queries-services',
    dir: 'src/db/queries',
    source: value('signUp', '../../services/sign-up.ts'),
    refusal: DATA_LAYER,
  },
  {
    name: 'db-http',
    dir: 'src/db',
    source: value('handleError', '../http/errors.ts'),
    refusal: DATA_LAYER,
  },
  {
    name: 'db-jobs',
    dir: 'src/db',
    source: value('runBackgroundOnce', '../jobs/worker.ts'),
    refusal: DATA_LAYER,
  },
  // cli through services only (src/cli.ts and command files under src/cli/)
  {
    name: 'cli-queries',
    dir: 'src/cli',
    source: value('getUserByEmail', '../db/queries/accounts.ts'),
    refusal: CLI,
  },
  // web ↛ server code, except the shared pure modules
  {
    name: 'web-services',
    dir: 'src/web/features',
    source: value('signIn', '../../services/sign-in.ts'),
    refusal: BROWSER,
  },
  {
    name: 'web-http',
    dir: 'src/web',
    source: value('profile', '../http/schemas.ts'),
    refusal: BROWSER,
  },
  {
    name: 'web-config',
    dir: 'src/web',
    source: value('loadConfig', '../config.ts'),
    refusal: BROWSER,
  },
  {
    name: 'web-node',
    dir: 'src/web',
    source: value('readFile', 'node:fs/promises'),
    refusal: BROWSER,
  },
  {
    name: 'web-core-server',
    dir: 'src/web',
    source: value('PASSWORD_MIN_LENGTH', '../core/passwords.ts'),
    refusal: SHARED_CORE,
  },
  // what each layer may import
  {
    name: 'http-handle',
    dir: 'src/http',
    source: "import type { Database } from '../db/client.ts';\n\nexport type Probe = Database;\n",
  },
  { name: 'http-service', dir: 'src/http', source: value('signIn', '../services/sign-in.ts') },
  {
    name: 'jobs-service',
    dir: 'src/jobs',
    source: value('refreshReputations', '../services/reputation.ts'),
  },
  { name: 'queries-core', dir: 'src/db/queries', source: value('orgRoles', '../../core/roles.ts') },
  { name: 'cli-service', dir: 'src/cli', source: value('makeAdmin', '../services/make-admin.ts') },
  { name: 'web-shared-core', dir: 'src/web', source: value('addDays', '../core/local-time.ts') },
  {
    name: 'web-live-changes',
    dir: 'src/web',
    source: value('liveEventTypes', '../core/live-changes.ts'),
  },
  {
    name: 'web-zone-names',
    dir: 'src/web/features',
    source: value('isIanaTimeZone', '../../core/time-zones.ts'),
  },
  { name: 'web-own', dir: 'src/web/features', source: value('Button', '../ui/button.tsx') },
  { name: 'emails-core', dir: 'src/emails', source: value('addDays', '../core/local-time.ts') },
];

type Diagnostic = { category: string; message: string; location: { path: string } };

const fileOf = (p: Probe) => path.join(p.dir, `${tag}-${p.name}.ts`);
let diagnostics: Diagnostic[] = [];
let exitCode = 0;
const madeDirs: string[] = [];

beforeAll(async () => {
  for (const p of probes) {
    const dir = path.join(root, p.dir);
    const made = await mkdir(dir, { recursive: true });
    if (made) madeDirs.push(made);
    await writeFile(path.join(root, fileOf(p)), p.source);
  }
  // `biome check` is what `npm run check` runs: lint and format together.
  const result = await promisify(execFile)(
    biome,
    ['check', '--reporter=json', '--max-diagnostics=none', ...probes.map(fileOf)],
    { cwd: root },
  ).catch((err: { stdout: string; code: number }) => ({ stdout: err.stdout, code: err.code }));
  exitCode = 'code' in result ? result.code : 0;
  diagnostics = (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
});

afterAll(async () => {
  await Promise.all(probes.map((p) => rm(path.join(root, fileOf(p)), { force: true })));
  for (const dir of madeDirs) await rm(dir, { recursive: true, force: true });
});

const diagnosticsOf = (p: Probe) =>
  diagnostics.filter((d) => path.normalize(d.location.path) === path.normalize(fileOf(p)));

describe('layer edges are enforced by `npm run check`', () => {
  it('fails when any probe breaks a rule', () => {
    expect(exitCode).not.toBe(0);
  });

  for (const p of probes.filter((x) => x.refusal)) {
    it(`refuses ${p.name} (${p.dir}) saying why`, () => {
      const found = diagnosticsOf(p).filter((d) => d.category === 'lint/style/noRestrictedImports');
      expect(found.map((d) => d.message)).toEqual([expect.stringContaining(p.refusal!)]);
    });
  }

  for (const p of probes.filter((x) => !x.refusal)) {
    it(`allows ${p.name} (${p.dir})`, () => {
      expect(diagnosticsOf(p)).toEqual([]);
    });
  }
});
