import { loadConfig } from './config.ts';
import { openMemoryPglite } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { createServiceContext } from './services/context.ts';

/**
 * The OpenAPI document exactly as the server publishes it at /api/openapi.json,
 * built without a real database: the app only needs one to exist while routes
 * are registered (nothing is queried), so an empty in-memory PGlite will do.
 * Default configuration, so the document does not depend on who builds it.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const database = await openMemoryPglite();
  try {
    const config = loadConfig({});
    const app = await buildApp({
      config,
      database,
      ctx: createServiceContext(database.db),
      logger: false,
      webRoot: null,
    });
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
