import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

/** One request as the stand-in received it. */
export type SeenRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string;
  body: Record<string, unknown> | null;
  status: number;
};

export type ZoomMeeting = {
  id: number;
  join_url: string;
  topic: string;
  start_time: string;
  duration: number;
  timezone: string;
};

/**
 * A local Zoom following its documented requests and answers: Server-to-Server
 * OAuth (`POST /oauth/token?grant_type=account_credentials&account_id=…`,
 * Basic client_id:client_secret → `{access_token, token_type, expires_in,
 * scope}`) and the meetings API under `/v2` (create 201, update 204, delete
 * 204, 404 `{code: 3001}` for a meeting that does not exist, 401
 * `{code: 124}` for an invalid or expired token, 429 with Retry-After).
 * Switches: `expireTokens()`, `failNext(status, times, retryAfter)`, `delayNext(ms)`.
 */
export async function startZoomStandIn(credentials: {
  accountId: string;
  clientId: string;
  clientSecret: string;
}) {
  const seen: SeenRequest[] = [];
  const validTokens = new Set<string>();
  const meetings = new Map<string, ZoomMeeting>();
  const failures: { status: number; retryAfter: string | null }[] = [];
  let nextId = 81_000_000_001;
  let delayNextMs = 0;

  const send = (res: ServerResponse, status: number, body?: unknown, headers = {}) => {
    res.writeHead(status, body ? { 'content-type': 'application/json', ...headers } : headers);
    res.end(body ? JSON.stringify(body) : undefined);
    return status;
  };

  function token(req: IncomingMessage, url: URL, res: ServerResponse) {
    const basic = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`;
    if (req.method !== 'POST' || req.headers.authorization !== basic) {
      return send(res, 401, {
        reason: 'Invalid client_id or client_secret',
        error: 'invalid_client',
      });
    }
    if (url.searchParams.get('grant_type') !== 'account_credentials') {
      return send(res, 400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    }
    if (url.searchParams.get('account_id') !== credentials.accountId) {
      return send(res, 400, { reason: 'Invalid account_id', error: 'invalid_request' });
    }
    const accessToken = randomBytes(24).toString('base64url');
    validTokens.add(accessToken);
    return send(res, 200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: 3599,
      scope:
        'meeting:write:meeting:admin meeting:update:meeting:admin meeting:delete:meeting:admin',
      api_url: 'https://api.zoom.us',
    });
  }

  function api(
    req: IncomingMessage,
    path: string,
    body: Record<string, unknown>,
    res: ServerResponse,
  ) {
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!validTokens.has(bearer))
      return send(res, 401, { code: 124, message: 'Invalid access token.' });
    const failure = failures.shift();
    if (failure?.status === 429) {
      const headers = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      return send(
        res,
        429,
        {
          code: 429,
          message:
            'You have reached the maximum per-second rate limit for this API. Try again later.',
        },
        headers,
      );
    }
    if (failure)
      return send(res, failure.status, { code: failure.status, message: 'Internal Error' });
    if (req.method === 'POST' && path === '/v2/users/me/meetings') {
      const id = nextId++;
      const meeting: ZoomMeeting = {
        id,
        join_url: `https://us05web.zoom.example/j/${id}?pwd=${randomBytes(8).toString('hex')}`,
        topic: String(body.topic ?? ''),
        start_time: String(body.start_time ?? ''),
        duration: Number(body.duration ?? 0),
        timezone: String(body.timezone ?? ''),
      };
      meetings.set(String(id), meeting);
      return send(res, 201, {
        ...meeting,
        uuid: randomBytes(12).toString('base64'),
        type: body.type,
      });
    }
    const match = /^\/v2\/meetings\/(\d+)$/.exec(path);
    const meeting = match ? meetings.get(match[1]!) : undefined;
    if (match && !meeting && (req.method === 'PATCH' || req.method === 'DELETE')) {
      return send(res, 404, { code: 3001, message: `Meeting does not exist: ${match[1]}.` });
    }
    if (meeting && req.method === 'PATCH') {
      Object.assign(meeting, {
        ...(body.topic ? { topic: String(body.topic) } : {}),
        ...(body.start_time ? { start_time: String(body.start_time) } : {}),
        ...(body.duration ? { duration: Number(body.duration) } : {}),
        ...(body.timezone ? { timezone: String(body.timezone) } : {}),
      });
      return send(res, 204);
    }
    if (meeting && req.method === 'DELETE') {
      meetings.delete(String(meeting.id));
      return send(res, 204);
    }
    return send(res, 404, { code: 404, message: 'Not found' });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    if (url.pathname !== '/oauth/token' && delayNextMs > 0) {
      const wait = delayNextMs;
      delayNextMs = 0;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const status =
      url.pathname === '/oauth/token'
        ? token(req, url, res)
        : api(req, url.pathname, body ?? {}, res);
    seen.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? '',
      body,
      status,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${port}`;
  return {
    oauthUrl: `${base}/oauth/token`,
    apiUrl: `${base}/v2`,
    seen,
    meetings,
    /** Every token issued so far stops working (401 code 124) until a new one is fetched. */
    expireTokens: () => validTokens.clear(),
    /** The next `times` API calls answer `status` (429 with this Retry-After, if given). */
    failNext: (status: number, times = 1, retryAfter: string | null = null) => {
      for (let i = 0; i < times; i++) failures.push({ status, retryAfter });
    },
    /** The next API call is answered only after `ms` (a slow Zoom). */
    delayNext: (ms: number) => {
      delayNextMs = ms;
    },
    /** Requests seen since `from` (an index into `seen`). */
    since: (from: number) => seen.slice(from),
  };
}
