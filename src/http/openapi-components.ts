/**
 * @fastify/type-provider-zod emits every registered schema twice, once per
 * direction (`Booking` for answers, `BookingInput` for requests). Our
 * registered schemas are answers, so the input twins are never referred to;
 * publishing them would only suggest request bodies that do not exist. This
 * keeps the components some operation reaches through `$ref`s.
 */
type Doc = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };

const refPrefix = '#/components/schemas/';

function collectRefs(node: unknown, found: Set<string>, schemas: Record<string, unknown>) {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found, schemas);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(refPrefix)) {
      const name = value.slice(refPrefix.length);
      if (!found.has(name)) {
        found.add(name);
        collectRefs(schemas[name], found, schemas);
      }
    } else {
      collectRefs(value, found, schemas);
    }
  }
}

export function withoutUnusedSchemas<T extends Doc>(doc: T): T {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  collectRefs(doc.paths, used, schemas);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } };
}
