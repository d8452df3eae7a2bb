/**
 * The web client's types are generated from the server's OpenAPI document.
 *   tsx scripts/api-contract.ts generate   writes src/web/api/schema.ts
 *   tsx scripts/api-contract.ts check [file]  fails when that file (schema.ts) is stale
 * `check` runs in `npm test`, so a route whose schema changed without
 * regenerating fails CI instead of drifting from the web app.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS from 'openapi-typescript';
import { buildOpenApiDocument } from '../src/openapi-document.ts';

export const schemaFile = fileURLToPath(new URL('../src/web/api/schema.ts', import.meta.url));

/** The TypeScript openapi-typescript writes for a document. */
export function schemaText(document: Record<string, unknown>): Promise<string> {
  // openapi-typescript 6 types its input loosely; the document is plain JSON.
  return openapiTS(document as never, { exportType: true });
}

/** The text schema.ts must hold for the routes as they are now. */
export async function generatedSchema(): Promise<string> {
  return schemaText(await buildOpenApiDocument());
}

async function main(mode: string | undefined, file = schemaFile) {
  const expected = await generatedSchema();
  if (mode === 'generate') {
    await writeFile(schemaFile, expected);
    console.warn(`wrote ${schemaFile}`);
    return;
  }
  if (mode !== 'check') throw new Error('usage: api-contract.ts generate|check');
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current !== expected) {
    console.error(
      `${file} is stale: the API routes changed since it was generated.\n` +
        'Run `npm run api:generate` and commit the result.',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv[2], process.argv[3]);
}
