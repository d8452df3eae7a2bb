import { RetryLaterError, type VideoProvider } from './video.ts';
import { createTokenCache } from './zoom-token-cache.ts';

export type ZoomCredentials = { accountId: string; clientId: string; clientSecret: string };
export type ZoomEndpoints = { oauthUrl: string; apiUrl: string };

/** Without a Retry-After header, a 429 is tried again after this long. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

export class ZoomError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** Retry-After as Zoom sends it: seconds, or a date (the daily limit's reset). */
export function retryAfterMs(header: string | null, now: number): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now);
}

async function refusal(res: Response, what: string, now: () => number): Promise<Error> {
  const text = (await res.text().catch(() => '')).slice(0, 300);
  if (res.status === 429) {
    const wait = retryAfterMs(res.headers.get('retry-after'), now());
    return new RetryLaterError(`Zoom ${what}: 429 ${text}`, new Date(now() + wait));
  }
  return new ZoomError(`Zoom ${what}: ${res.status} ${text}`, res.status);
}

/**
 * Zoom through a Server-to-Server OAuth app: an account-credentials token
 * (cached until shortly before it expires; fetched anew once when the API
 * answers 401), and the meetings of the app's user (`users/me`). A 429 becomes
 * RetryLaterError (the job comes back at Retry-After); any other refusal
 * throws, and the job's back-off or the meeting fallback takes over.
 */
export function zoomVideo(
  credentials: ZoomCredentials,
  endpoints: ZoomEndpoints,
  now: () => number = Date.now,
): VideoProvider {
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
    'base64',
  );
  const tokens = createTokenCache(async () => {
    const url = new URL(endpoints.oauthUrl);
    url.searchParams.set('grant_type', 'account_credentials');
    url.searchParams.set('account_id', credentials.accountId);
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
    if (!res.ok) throw await refusal(res, 'token', now);
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new ZoomError('Zoom token: no access_token', res.status);
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in ?? 3600 };
  }, now);

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const send = async (token: string) =>
      fetch(`${endpoints.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const token = await tokens.get();
    let res = await send(token);
    if (res.status === 401) {
      // Expired or revoked before we thought: one new token, one more try.
      await res.body?.cancel();
      tokens.forget(token);
      res = await send(await tokens.get());
    }
    return res;
  }

  const schedule = (plan: { topic: string; startsAt: Date; durationMinutes: number }) => ({
    topic: plan.topic.slice(0, 200),
    type: 2,
    start_time: plan.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration: plan.durationMinutes,
    timezone: 'UTC',
  });

  return {
    name: 'zoom',
    async createMeeting(plan) {
      const res = await call('POST', '/users/me/meetings', schedule(plan));
      if (res.status !== 201 && res.status !== 200) throw await refusal(res, 'create', now);
      const meeting = (await res.json()) as { id?: number | string; join_url?: string };
      if (!meeting.join_url || meeting.id === undefined) {
        throw new ZoomError('Zoom create: no id or join_url', res.status);
      }
      return { url: meeting.join_url, externalId: String(meeting.id) };
    },
    async updateMeeting(externalId, plan) {
      const res = await call(
        'PATCH',
        `/meetings/${encodeURIComponent(externalId)}`,
        schedule(plan),
      );
      if (res.status !== 204 && res.status !== 200) throw await refusal(res, 'update', now);
      await res.body?.cancel();
    },
    async deleteMeeting(externalId) {
      const res = await call('DELETE', `/meetings/${encodeURIComponent(externalId)}`);
      // 404: already gone (deleted in Zoom, or an earlier try of ours got through).
      if (res.status !== 204 && res.status !== 200 && res.status !== 404) {
        throw await refusal(res, 'delete', now);
      }
      await res.body?.cancel();
    },
  };
}
