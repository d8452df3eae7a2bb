import { defineConfig } from 'drizzle-kit';

// Used only to generate SQL from src/db/schema.ts; migrations are applied from
// code (src/db/migrate.ts) because drizzle-kit cannot load PGlite extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
