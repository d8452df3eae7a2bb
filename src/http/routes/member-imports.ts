import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { importColumns, MAX_IMPORT_ROWS } from '../../core/member-import.ts';
import {
  checkMemberImport,
  listRecentMemberImports,
  requireMemberImport,
  startMemberImport,
} from '../../services/import-members.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { publicOrigin } from '../public-url.ts';
import { apiSchemas, errorResponses, uuidParam } from '../schemas.ts';

const tags = ['members'];
const orgParams = z.object({ orgId: uuidParam });

/** A 20,000-row file of long names, many programs and skills stays well under this. */
const MAX_CSV_BYTES = 8 * 1024 * 1024;
const csvBody = z.strictObject({
  csv: z
    .string()
    .min(1, 'is empty')
    .max(MAX_CSV_BYTES, `is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`)
    .meta({
      description: `The file's text: a header line naming the columns (${importColumns.join(', ')}; others are ignored), then one member per line, at most ${MAX_IMPORT_ROWS}`,
    }),
});

const outcomes = z.object({
  created: z.number().int().describe('new accounts'),
  joined: z.number().int().describe('existing accounts that join the organisation'),
  updated: z.number().int().describe('members given programs, groups or admin'),
  unchanged: z.number().int(),
});

const importReport = z
  .object({
    rows: z.number().int(),
    problems: z.array(
      z.object({
        line: z.number().int().describe('the line of the file, the header being line 1'),
        field: z.string(),
        message: z.string(),
      }),
    ),
    ignoredColumns: z.array(z.string()),
    outcomes: outcomes.describe('what importing the rows without problems would do'),
    newGroups: z.array(z.string()),
  })
  .register(apiSchemas, { id: 'MemberImportReport' });

const memberImport = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(['running', 'done']),
    sendInvitations: z.boolean(),
    totalRows: z.number().int(),
    processed: z.number().int(),
    created: z.number().int(),
    joined: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .register(apiSchemas, { id: 'MemberImport' });

const importParams = orgParams.extend({ importId: uuidParam });
// A whole cohort's file in one body.
const bodyLimit = MAX_CSV_BYTES + 64 * 1024;

/** Issue #13: members imported from CSV — a dry run, then the import in batches with its progress. */
export const memberImportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { ctx, config },
) => {
  app.post(
    '/api/orgs/:orgId/member-imports/check',
    {
      bodyLimit,
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Dry run of a members import (admin): every problem by line and field, and what importing would do; changes nothing',
        params: orgParams,
        body: csvBody,
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (request) =>
      checkMemberImport(ctx, requireActor(request), request.params.orgId, request.body.csv),
  );

  app.post(
    '/api/orgs/:orgId/member-imports',
    {
      bodyLimit,
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Import members from CSV (admin): refused whole (422, each problem a field "line N column") if any row is bad; otherwise imported in the background, a batch per transaction; importing the same file again changes nothing',
        params: orgParams,
        body: csvBody.extend({
          fileName: z.string().max(255).default(''),
          sendInvitations: z
            .boolean()
            .default(false)
            .describe('email each new account a link to choose a password'),
        }),
        response: { 202: z.object({ import: memberImport }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await startMemberImport(ctx, requireActor(request), request.params.orgId, {
        ...request.body,
        origin: publicOrigin(app, config),
      });
      return reply.code(202).send({ import: started });
    },
  );

  app.get(
    '/api/orgs/:orgId/member-imports',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The latest members imports and their progress (admin)',
        params: orgParams,
        response: { 200: z.object({ imports: z.array(memberImport) }), ...errorResponses },
      },
    },
    async (request) => ({
      imports: await listRecentMemberImports(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.get(
    '/api/orgs/:orgId/member-imports/:importId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "A members import's progress (admin)",
        params: importParams,
        response: { 200: z.object({ import: memberImport }), ...errorResponses },
      },
    },
    async (request) => ({
      import: await requireMemberImport(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.importId,
      ),
    }),
  );
};
