import fc from 'fast-check';

/**
 * Requests generated from the served OpenAPI document: mostly well-formed
 * values (so a request gets past validation into the handler and the
 * database) mixed with wrong types, NUL and odd unicode, huge strings, bad
 * ids, dates and zones, malformed JSON and malformed multipart.
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

type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema: JsonSchema };

export type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
};

export type FuzzRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** what was sent, for the failure message */
  label: string;
};

type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      Omit<Operation, 'method' | 'path' | 'body'> & {
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
}

const NUL = '\u0000';
const ZONES = ['UTC', 'Europe/London', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Kiritimati'];

/** Values that are wrong for almost every field. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
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

function oneWrong(schema: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
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

function validValue(schema: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
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

function validObject(schema: JsonSchema, ids: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(props).map(([key, s]) => [key, validValue(s, key, ids)])),
    { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
  );
  return record;
}

const MALFORMED_JSON = ['{"a":', '{"a":1}}', '[1,2', NUL, '', 'nul', '{"__proto__":{"x":1}}'];

function multipart(
  fields: Record<string, unknown>,
  file: string,
  mangle: string,
): FuzzRequest['payload'] & string {
  const boundary = 'fuzzboundary';
  const parts = Object.entries(fields).map(
    ([k, v]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
  );
  const filePart = `--${boundary}\r\nContent-Disposition: form-data; name="${file}"; filename="a${mangle === 'nul-name' ? NUL : ''}.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n${'x'.repeat(64)}\r\n`;
  const whole = `${parts.join('')}${filePart}--${boundary}--\r\n`;
  switch (mangle) {
    case 'truncated':
      return whole.slice(0, Math.floor(whole.length / 2));
    case 'bad-header':
      return `--${boundary}\r\nnot a header\r\n\r\nx\r\n--${boundary}--\r\n`;
    case 'two-files':
      return `${filePart}${filePart}--${boundary}--\r\n`;
    default:
      return whole;
  }
}

type Body = { contentType?: string; payload?: string; label: string };

const asFields = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const json = (value: unknown): Body => ({
  contentType: 'application/json',
  payload: JSON.stringify(value),
  label: 'json',
});

function multipartBody(fields: fc.Arbitrary<Record<string, unknown>>, mangles: string[]) {
  return fc
    .tuple(fields, fc.constantFrom('file', 'photo', 'other'), fc.constantFrom(...mangles))
    .map(([values, file, mangle]) => ({
      contentType: `multipart/form-data; boundary=${mangle === 'mismatch' ? 'other' : 'fuzzboundary'}`,
      payload: multipart(values, file, mangle),
      label: `multipart ${mangle}`,
    }));
}

/** A body as the operation's schema wants it (JSON, or a well-formed form with a file). */
function validBodyFor(op: Operation, ids: IdPool): fc.Arbitrary<Body> {
  const fields = validObject(op.body ?? {}, ids);
  return fc.oneof(
    { weight: 3, arbitrary: fields.map(json) },
    { weight: 1, arbitrary: multipartBody(fields, ['none']) },
  );
}

/** A body with something wrong: one field, the whole value, the JSON text, the media type or the form. */
function wrongBodyFor(op: Operation, ids: IdPool): fc.Arbitrary<Body> {
  const fields = oneWrong(op.body ?? { type: 'object' }, 'body', ids).map(asFields);
  return fc.oneof(
    { weight: 6, arbitrary: fields.map(json) },
    { weight: 1, arbitrary: nasty.map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((payload) => ({
        contentType: 'application/json',
        payload,
        label: `malformed json ${JSON.stringify(payload)}`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded')
        .map((contentType) => ({ contentType, payload: 'name=x', label: contentType })),
    },
    {
      weight: 3,
      arbitrary: multipartBody(fields, [
        'none',
        'truncated',
        'bad-header',
        'two-files',
        'nul-name',
        'mismatch',
      ]),
    },
    { weight: 1, arbitrary: fc.constant({ label: 'no body' }) },
  );
}

/** Any generated value as URL text; lone surrogates go as the bytes Node would send. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text ?? '');
  } catch {
    return [...Buffer.from(text ?? '', 'utf8')]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join('');
  }
}

const RAW_SEGMENTS = ['%E0%A4%A', '%zz', 'a'.repeat(150), '%00', '..', '%2F'];

/** A value for `schema` that is valid, or (when this part of the request is the wrong one) maybe not. */
const part = (schema: JsonSchema, name: string, ids: IdPool, wrong: boolean) =>
  wrong ? valueFor(schema, name, ids) : validValue(schema, name, ids);

function pathFor(op: Operation, ids: IdPool, wrong: boolean): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'path');
  const values = params.map((p) =>
    fc.oneof(
      { weight: 4, arbitrary: part(p.schema, p.name, ids, wrong).map(encode) },
      { weight: wrong ? 1 : 0, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    ),
  );
  return fc.tuple(...values).map((segments) => {
    let url = op.path;
    params.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, segments[i] ?? '');
    });
    return url;
  });
}

function queryFor(op: Operation, ids: IdPool, wrong: boolean): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const pairs = params.map((p) =>
    fc.option(
      part(p.schema, p.name, ids, wrong).map((v) =>
        (Array.isArray(v) ? v : [v]).map((x) => `${p.name}=${encode(x)}`).join('&'),
      ),
      { freq: 3 },
    ),
  );
  const extra = wrong
    ? fc.option(fc.constantFrom('unknown=1', '%zz=1', `x=${'y'.repeat(3000)}`), { freq: 3 })
    : fc.constant(null);
  return fc.tuple(fc.tuple(...pairs), extra).map(([given, more]) => {
    const all = [...given, more].filter((x): x is string => x !== null && x !== '');
    return all.length > 0 ? `?${all.join('&')}` : '';
  });
}

const headerSafe = (value: unknown): value is string =>
  typeof value === 'string' && /^[\x20-\x7e]{0,200}$/.test(value);

function headersFor(op: Operation, ids: IdPool, wrong: boolean) {
  const params = op.parameters.filter((p) => p.in === 'header');
  return fc
    .tuple(...params.map((p) => fc.option(part(p.schema, p.name, ids, wrong), { freq: 2 })))
    .map((values) => {
      const headers: Record<string, string> = {};
      params.forEach((p, i) => {
        const v = values[i];
        if (headerSafe(v)) headers[p.name] = v;
      });
      return headers;
    });
}

type Fault = 'none' | 'path' | 'query' | 'header' | 'body';

/**
 * One request to `op`, wrong in at most one part, so that part is what the
 * server has to cope with: everything else passes validation.
 */
export function requestFor(op: Operation, ids: IdPool): fc.Arbitrary<FuzzRequest> {
  const sendsBody = op.method !== 'GET' && op.method !== 'HEAD';
  const faults: Fault[] = [
    'none',
    'path',
    'query',
    'header',
    ...(sendsBody ? ['body' as const, 'body' as const] : []),
  ];
  return fc
    .constantFrom(...faults)
    .chain((fault) =>
      fc.tuple(
        pathFor(op, ids, fault === 'path'),
        queryFor(op, ids, fault === 'query'),
        headersFor(op, ids, fault === 'header'),
        !sendsBody
          ? fc.constant<Body>({ label: 'no body' })
          : fault === 'body'
            ? wrongBodyFor(op, ids)
            : validBodyFor(op, ids),
      ),
    )
    .map(([path, query, headers, body]) => ({
      method: op.method,
      url: `${path}${query}`,
      headers: { ...headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
      ...(body.payload === undefined ? {} : { payload: body.payload }),
      label: `${op.method} ${path}${query.slice(0, 200)} [${body.label}] ${String(body.payload ?? '').slice(0, 300)}`,
    }));
}
