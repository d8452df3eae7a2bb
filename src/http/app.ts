import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from '@fastify/type-provider-zod';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { FileStorage } from '../integrations/file-storage.ts';
import { localDiskStorage } from '../integrations/file-storage.ts';
import type { ServiceContext } from '../services/context.ts';
import { installAccess, withAccess } from './access.ts';
import { installAuth } from './auth.ts';
import { handleError, installErrorHandler, sendError } from './errors.ts';
import { installIdempotency } from './idempotency.ts';
import { startLiveHub } from './live-events.ts';
import { withoutUnusedSchemas } from './openapi-components.ts';
import { installRateLimits } from './rate-limit.ts';
import { authRoutes } from './routes/auth.ts';
import { availabilityRoutes } from './routes/availability.ts';
import { bookingRoutes } from './routes/bookings.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { externalCalendarRoutes } from './routes/external-calendars.ts';
import { groupRoutes } from './routes/groups.ts';
import { healthRoutes } from './routes/health.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { memberImportRoutes } from './routes/member-imports.ts';
import { mentorRoutes } from './routes/mentors.ts';
import { mentorshipRequestRoutes } from './routes/mentorship-requests.ts';
import { messageRoutes } from './routes/messages.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { orgBookingRoutes } from './routes/org-bookings.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { profileRoutes } from './routes/profiles.ts';
import { programRoutes } from './routes/programs.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionTypeRoutes } from './routes/session-types.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { singleSignOnRoutes } from './routes/single-sign-on.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { videoSettingsRoutes } from './routes/video-settings.ts';
import { apiSchemas } from './schemas.ts';
import { docsContentSecurityPolicy, installSecurityHeaders } from './security-headers.ts';
import { validatorCompiler } from './validation.ts';
import { REVALIDATE, serveWebApp } from './web-app.ts';

export type AppDeps = {
  config: Config;
  database: Database;
  /** The one service context of this process (contextFromConfig); routes use it, never their own. */
  ctx: ServiceContext;
  storage?: FileStorage;
  /** pino options or false; tests run silent. */
  logger?: boolean | Record<string, unknown>;
  /** Only with TEST_CLOCK: moves `now` forward, exposed as POST /api/test/clock for browser tests. */
  advanceClock?: (ms: number) => void;
  /** Directory of the built web app; served at / when present. */
  webRoot?: string | null;
};

/** Everything a route needs, passed explicitly instead of through globals. */
export type RouteDeps = {
  ctx: ServiceContext;
  config: Config;
  database: Database;
  storage: FileStorage;
};

export type App = FastifyInstance;

/** Route schemas refer to the registered ones by `$ref` instead of inlining them. */
const schemaTransform = createJsonSchemaTransform({ schemaRegistry: apiSchemas });
/** …and the document lists them once, under components.schemas. */
const schemaTransformObject = createJsonSchemaTransformObject({ schemaRegistry: apiSchemas });

const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * A hop count as the function Fastify builds from a number itself (its types
 * only admit addresses): the `n` nearest hops are trusted, so the address
 * they report is the client, whatever the client wrote further left.
 */
function trustedProxies(trust: Config['trustProxy']) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: trustedProxies(config.trustProxy),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (bad percent-encoding, over-long segment) get our error shape.
    frameworkErrors: handleError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const { ctx } = deps;
  const routeDeps: RouteDeps = {
    ctx,
    config,
    database,
    storage: deps.storage ?? localDiskStorage(path.join(config.dataDir, 'uploads')),
  };

  await installSecurityHeaders(app);
  // API answers over 1 KB go out compressed (Brotli at a quick level, or gzip);
  // the web app's files come precompressed (web-app.ts), the event stream never is.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Confer API',
        version: '0.1.0',
        description:
          'Mentoring programs, availability, bookings and messages. Authenticate with the session cookie (browser; writes need X-CSRF-Token) or `Authorization: Bearer <personal API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'confer_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: (args) => withAccess(schemaTransform(args), args.route.config?.access),
    transformObject: (args) => withoutUnusedSchemas(schemaTransformObject(args)),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: docsContentSecurityPolicy,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () =>
    app.swagger(),
  );

  installErrorHandler(app);
  installAuth(app, ctx);
  installAccess(app);
  installRateLimits(app, ctx, config.rateLimits);
  installIdempotency(app, ctx);

  await app.register(healthRoutes, routeDeps);
  await app.register(authRoutes, routeDeps);
  await app.register(profileRoutes, routeDeps);
  await app.register(organisationRoutes, routeDeps);
  await app.register(videoSettingsRoutes, routeDeps);
  await app.register(unsubscribeRoutes, routeDeps);
  await app.register(programRoutes, routeDeps);
  await app.register(groupRoutes, routeDeps);
  await app.register(memberImportRoutes, routeDeps);
  await app.register(reportRoutes, routeDeps);
  await app.register(orgBookingRoutes, routeDeps);
  await app.register(externalCalendarRoutes, routeDeps);
  await app.register(singleSignOnRoutes, routeDeps);
  await app.register(invitationRoutes, routeDeps);
  await app.register(availabilityRoutes, routeDeps);
  await app.register(sessionRoutes, routeDeps);
  await app.register(mentorRoutes, routeDeps);
  await app.register(bookingRoutes, routeDeps);
  await app.register(sessionTypeRoutes, routeDeps);
  await app.register(calendarRoutes, routeDeps);
  await app.register(notificationRoutes, routeDeps);
  await app.register(deliveryRoutes, routeDeps);
  await app.register(mentorshipRequestRoutes, routeDeps);
  const live = await startLiveHub(database, app.log);
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => live.close());
  await app.register(messageRoutes, { ...routeDeps, live });
  const { advanceClock } = deps;
  if (advanceClock) {
    app.post(
      '/api/test/clock',
      { schema: { hide: true, body: z.strictObject({ advanceMs: z.number().int().min(0) }) } },
      async (request) => {
        advanceClock(request.body.advanceMs);
        return { now: ctx.now().toISOString() };
      },
    );
  }

  const webRoot = deps.webRoot === undefined ? defaultWebRoot : deps.webRoot;
  const hasWebApp = Boolean(webRoot && existsSync(path.join(webRoot, 'index.html')));
  if (hasWebApp && webRoot) await serveWebApp(app, webRoot);
  // Unknown non-API pages get index.html so the web app's own routes deep-link.
  app.setNotFoundHandler((request, reply) => {
    if (hasWebApp && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').header('cache-control', REVALIDATE).sendFile('index.html');
    }
    return sendError(reply, 404, {
      code: 'not_found',
      message: `No route for ${request.method} ${request.url}`,
    });
  });
  return app;
}
