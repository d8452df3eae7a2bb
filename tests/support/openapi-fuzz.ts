import fc from 'fast-check';
import {
  type IdPool,
  type JsonSchema,
  NUL,
  nasty,
  oneWrong,
  validObject,
  validValue,
  valueFor,
} from './fuzz-values.ts';

/**
 * Requests generated from the served OpenAPI document: mostly well-formed
 * values (so a request gets past validation into the handler and the
 * database) mixed with wrong types, NUL and odd unicode, huge strings, bad
 * ids, dates and zones, malformed JSON and malformed multipart.
 */

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
