import fc from 'fast-check';

/**
 * Values for fields described by JSON schema: valid ones (ids from earlier
 * answers, near dates, real zones) and wrong ones (wrong types, NUL and odd
 * unicode, huge strings, bad ids, dates and zones).
 */

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};
export const NUL = '\u0000';
const ZONES = ['UTC', 'Europe/London', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Kiritimati'];

/** Values that are wrong for almost every field. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', NUL, `a${NUL}b`, '\uD800', '\uFFFF', '😀', 'Zoë 東京', '‮rtl'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}${NUL}`),
  fc.constantFrom('x'.repeat(5_000), 'é'.repeat(70_000)),
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '../../etc/passwd'),
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2026-12-01T09:00:00',
    '24:00',
    '25:61',
  ),
  fc.constantFrom('Mars/Olympus', 'Etc/GMT+14', 'EST5EDT', 'utc', '+05:45'),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, 0.5, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Ids the fixtures and earlier answers produced, so paths reach real rows. */
export class IdPool {
  private readonly ids: string[] = [];
  add(value: unknown) {
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    for (const id of text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ??
      []) {
      if (!this.ids.includes(id)) this.ids.push(id);
    }
    if (this.ids.length > 400) this.ids.splice(0, this.ids.length - 400);
  }
  arbitrary(): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 4, arbitrary: fc.nat().map((i) => this.ids[i % this.ids.length] ?? '') },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }
}

const isoNear = fc
  .integer({ min: -60 * 24 * 30, max: 60 * 24 * 400 })
  .map((minutes) => new Date(Date.UTC(2027, 2, 1) + minutes * 60_000).toISOString());

function patterned(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

function validString(schema: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return ids.arbitrary();
  if (schema.format === 'date-time') return isoNear;
  if (schema.format === 'uri') return fc.webUrl();
  if (/zone|^tz$/i.test(name)) return fc.constantFrom(...ZONES);
  if (/email/i.test(name)) return fc.emailAddress();
  if (/password/i.test(name)) return fc.constantFrom('correct-horse-battery', 'short');
  if (/^date$|until|^from$|^to$/i.test(name)) return isoNear.map((s) => s.slice(0, 10));
  if (/time$|^start$|^end$/i.test(name)) return fc.constantFrom('09:00', '17:30', '24:00', '00:00');
  const fromPattern = schema.pattern ? patterned(schema.pattern) : null;
  if (fromPattern) return fromPattern;
  const max = Math.min(schema.maxLength ?? 60, 60);
  return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max });
}

/**
 * A value for `schema`: valid, valid but for one leaf (so the request gets
 * past every other check and that one leaf reaches the handler), or wrong
 * altogether.
 */
export function valueFor(schema: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: validValue(schema, name, ids) },
    { weight: 2, arbitrary: oneWrong(schema, name, ids) },
    { weight: 1, arbitrary: nasty },
  );
}

const withNul = (text: string) =>
  fc.nat(text.length).map((i) => `${text.slice(0, i)}${NUL}${text.slice(i)}`);

export function oneWrong(schema: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  if (keys.length > 0) {
    return fc
      .constantFrom(...keys)
      .chain((key) =>
        fc
          .tuple(validObject(schema, ids), oneWrong(schema.properties?.[key] ?? {}, key, ids))
          .map(([value, bad]) => ({ ...value, [key]: bad })),
      );
  }
  if (schema.items) {
    const items = schema.items;
    return fc
      .tuple(fc.array(validValue(items, name, ids), { maxLength: 3 }), oneWrong(items, name, ids))
      .map(([list, bad]) => [...list, bad]);
  }
  const valid = validValue(schema, name, ids);
  return fc.oneof(
    nasty,
    valid.chain((v) => (typeof v === 'string' ? withNul(v) : fc.constant(v))),
  );
}

export function validValue(schema: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((s) => validValue(s, name, ids)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  return fc.oneof(...types.map((type) => validOfType(type, schema, name, ids)));
}

function validOfType(type: string, schema: JsonSchema, name: string, ids: IdPool) {
  switch (type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000;
      return fc.integer({ min, max: Math.max(min, schema.maximum ?? 100_000) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, name, ids), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object':
      return validObject(schema, ids);
    default:
      return validString(schema, name, ids);
  }
}

export function validObject(
  schema: JsonSchema,
  ids: IdPool,
): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(props).map(([key, s]) => [key, validValue(s, key, ids)])),
    { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
  );
  return record;
}
