import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { contextFromConfig } from '../../src/services/context.ts';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock, database, dataDir } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

let orgId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let bystander: Session;
let matchedMentor: Session;
let unmatchedMentee: Session;
let bookingThread: string;

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Messages Org'));
  const program = async (name: string, mode: string) =>
    (await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name, mode })).json().id as string;
  const open = await program('Open', 'a_la_carte');
  const circle = await program('Circle', 'matched');
  const join = (name: string, programId: string, programRole: 'mentor' | 'mentee') =>
    addMember(app, admin, orgId, { name, programId, programRole });
  mentor = await join('Mia Mentor', open, 'mentor');
  mentee = await join('Max Mentee', open, 'mentee');
  bystander = await join('Bea Bystander', open, 'mentee');
  matchedMentor = await join('Mat Mentor', circle, 'mentor');
  unmatchedMentee = await join('Una Unmatched', circle, 'mentee');
  await as(app, mentor).put('/api/me/availability', {
    timeZone: 'UTC',
    slotLengths: [60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    horizonDays: 180,
    weekly: [{ weekday: 2, start: '09:00', end: '17:00' }],
  });
  const booking = await as(app, mentee).post(`/api/orgs/${orgId}/bookings`, {
    mentorId: mentor.userId,
    startsAt: '2027-03-02T10:00:00Z',
    lengthMinutes: 60,
    message: 'Hello',
  });
  expect(booking.statusCode, booking.body).toBe(201);
  const thread = await as(app, mentee).get(
    `/api/orgs/${orgId}/bookings/${booking.json().id}/thread`,
  );
  expect(thread.statusCode, thread.body).toBe(200);
  bookingThread = thread.json().threadId;
});

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const boundary = '----confer-message-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const postFile = (
  who: Session,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
) => {
  const { payload, contentType } = multipart(fields, file);
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': contentType },
  });
};

const say = (who: Session, threadId: string, body: string) =>
  as(app, who).post(`/api/orgs/${orgId}/threads/${threadId}/messages`, { body });
const threadsOf = async (who: Session) =>
  (await as(app, who).get(`/api/orgs/${orgId}/threads`)).json().threads as {
    id: string;
    unread: number;
    kind: string;
    other: { name: string };
  }[];

describe('a booking’s thread', () => {
  it('both people write in it, before the session, and see unread counts', async () => {
    expect((await say(mentee, bookingThread, 'Looking forward to it')).statusCode).toBe(201);
    expect((await say(mentor, bookingThread, 'Me too')).statusCode).toBe(201);
    expect((await say(mentor, bookingThread, 'Bring your CV')).statusCode).toBe(201);
    const mine = (await threadsOf(mentee)).find((t) => t.id === bookingThread);
    expect(mine).toMatchObject({ kind: 'booking', unread: 2, other: { name: 'Mia Mentor' } });
    const view = (await as(app, mentee).get(`/api/orgs/${orgId}/threads/${bookingThread}`)).json();
    expect(view.messages.map((m: { body: string }) => m.body)).toEqual([
      'Looking forward to it',
      'Me too',
      'Bring your CV',
    ]);
    const badge = async (who: Session) =>
      (await as(app, who).get(`/api/orgs/${orgId}/threads/unread`)).json().unread;
    expect(await badge(mentee)).toBe(2);
    expect(await badge(mentor)).toBe(0);
    await as(app, mentee).post(`/api/orgs/${orgId}/threads/${bookingThread}/read`);
    expect((await threadsOf(mentee)).find((t) => t.id === bookingThread)?.unread).toBe(0);
    expect(await badge(mentee)).toBe(0);
  });

  it('stays open after the session', async () => {
    clock.set(new Date('2027-03-03T00:00:00Z'));
    expect((await say(mentee, bookingThread, 'Thanks for yesterday')).statusCode).toBe(201);
    clock.set(new Date('2027-03-01T00:00:00Z'));
  });

  it('is 404 for anyone else: thread, message, booking thread; outsiders see nothing', async () => {
    const { admin: outsider } = await createOrgWithAdmin(app, 'Elsewhere');
    for (const who of [bystander, outsider, admin]) {
      expect(
        (await as(app, who).get(`/api/orgs/${orgId}/threads/${bookingThread}`)).statusCode,
      ).toBe(404);
      expect((await say(who, bookingThread, 'Hi')).statusCode).toBe(404);
      expect(
        (await as(app, who).post(`/api/orgs/${orgId}/threads/${bookingThread}/read`)).statusCode,
      ).toBe(404);
    }
    expect((await as(app, outsider).get(`/api/orgs/${orgId}/threads`)).statusCode).toBe(404);
    expect((await as(app, outsider).get(`/api/orgs/${orgId}/connections`)).statusCode).toBe(404);
  });

  it('refuses empty and over-long messages, naming the field', async () => {
    const empty = await say(mentee, bookingThread, '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ 'body.body': 'must not be empty' });
    const long = await say(mentee, bookingThread, 'x'.repeat(10_001));
    expect(long.statusCode).toBe(400);
    expect(Object.keys(long.json().error.fields)).toEqual(['body.body']);
    expect((await say(mentee, bookingThread, 'x'.repeat(10_000))).statusCode).toBe(201);
  });
});

describe('attachments', () => {
  const url = () => `/api/orgs/${orgId}/threads/${bookingThread}/messages`;

  it('detects the type from the bytes and serves it as a download, to participants only', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const sent = await postFile(mentee, url(), { body: 'My CV' }, { name: 'cv.png', bytes: pdf });
    expect(sent.statusCode, sent.body).toBe(201);
    const [file] = sent.json().attachments;
    expect(file).toMatchObject({
      filename: 'cv.png',
      mime: 'application/pdf',
      sizeBytes: pdf.length,
    });

    const download = await as(app, mentor).get(`/api/orgs/${orgId}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="cv.png"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(
      (await as(app, bystander).get(`/api/orgs/${orgId}/attachments/${file.id}`)).statusCode,
    ).toBe(404);

    const text = await postFile(
      mentor,
      url(),
      {},
      {
        name: '../../etc/notes.txt',
        bytes: Buffer.from('Agenda: goals, CV, next steps\n'),
      },
    );
    expect(text.statusCode, text.body).toBe(201);
    expect(text.json().attachments[0]).toMatchObject({ filename: 'notes.txt', mime: 'text/plain' });
  });

  it('refuses empty and oversized files', async () => {
    const empty = await postFile(
      mentee,
      url(),
      { body: 'x' },
      { name: 'a.txt', bytes: Buffer.alloc(0) },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ file: 'is empty' });
    const big = await postFile(
      mentee,
      url(),
      { body: 'x' },
      { name: 'big.bin', bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 1) },
    );
    expect(big.statusCode).toBe(413);
    expect(Object.keys(big.json().error.fields)).toEqual(['file']);
  });
});

describe('message requests and connections (seed 003)', () => {
  it('a first message is a request; one message until accepted; then both are connections', async () => {
    const first = await as(app, bystander).post(`/api/orgs/${orgId}/threads`, {
      toUserId: mentor.userId,
      body: 'Hi Mia, could I ask about your career path?',
    });
    expect(first.statusCode, first.body).toBe(201);
    const threadId = first.json().threadId;
    const second = await say(bystander, threadId, 'Also, one more thing');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.reason).toBe('awaiting_acceptance');
    const reply = await say(mentor, threadId, 'Sure');
    expect(reply.json().error.reason).toBe('accept_first');

    // The receiver sees it under Message requests, not yet among conversations.
    const requests = (await as(app, mentor).get(`/api/orgs/${orgId}/message-requests`)).json();
    const request = requests.received.find((r: { threadId: string }) => r.threadId === threadId);
    expect(request).toMatchObject({
      status: 'pending',
      sender: { name: 'Bea Bystander' },
      message: 'Hi Mia, could I ask about your career path?',
    });
    expect((await threadsOf(mentor)).map((t) => t.id)).not.toContain(threadId);
    expect((await threadsOf(bystander)).map((t) => t.id)).toContain(threadId);
    // Only the receiver answers.
    expect(
      (await as(app, bystander).post(`/api/orgs/${orgId}/message-requests/${request.id}/accept`))
        .statusCode,
    ).toBe(403);

    const accepted = await as(app, mentor).post(
      `/api/orgs/${orgId}/message-requests/${request.id}/accept`,
    );
    expect(accepted.statusCode, accepted.body).toBe(204);
    const names = async (who: Session) =>
      (await as(app, who).get(`/api/orgs/${orgId}/connections`))
        .json()
        .connections.map((c: { name: string }) => c.name);
    expect(await names(mentor)).toEqual(['Bea Bystander']);
    expect(await names(bystander)).toEqual(['Mia Mentor']);
    expect((await say(mentor, threadId, 'Happy to help')).statusCode).toBe(201);
    expect((await say(bystander, threadId, 'Thank you!')).statusCode).toBe(201);
    // Writing "to" the person again lands in the same thread.
    const again = await as(app, bystander).post(`/api/orgs/${orgId}/threads`, {
      toUserId: mentor.userId,
      body: 'One more',
    });
    expect(again.json().threadId).toBe(threadId);
  });

  it('a rejected sender cannot write again', async () => {
    const first = await as(app, mentee).post(`/api/orgs/${orgId}/threads`, {
      toUserId: bystander.userId,
      body: 'Hello fellow mentee',
    });
    expect(first.statusCode, first.body).toBe(201);
    const { received } = (
      await as(app, bystander).get(`/api/orgs/${orgId}/message-requests`)
    ).json();
    const request = received.find(
      (r: { threadId: string }) => r.threadId === first.json().threadId,
    );
    const rejected = await as(app, bystander).post(
      `/api/orgs/${orgId}/message-requests/${request.id}/reject`,
    );
    expect(rejected.statusCode).toBe(204);
    const blocked = await say(mentee, first.json().threadId, 'Please?');
    expect(blocked.json().error.reason).toBe('request_rejected');
    const twice = await as(app, bystander).post(
      `/api/orgs/${orgId}/message-requests/${request.id}/accept`,
    );
    expect(twice.statusCode).toBe(409);
  });

  it('refuses oneself and people outside a matched pair', async () => {
    const self = await as(app, mentee).post(`/api/orgs/${orgId}/threads`, {
      toUserId: mentee.userId,
      body: 'me',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toEqual({ 'body.toUserId': 'is you' });
    const unmatched = await as(app, unmatchedMentee).post(`/api/orgs/${orgId}/threads`, {
      toUserId: matchedMentor.userId,
      body: 'Can we talk?',
    });
    expect(unmatched.statusCode).toBe(403);
    expect(unmatched.json().error.reason).toBe('not_reachable');
    // The profile says so beforehand, so the page offers no Message button that cannot work.
    const profileOf = async (who: typeof mentee, id: string) =>
      (await as(app, who).get(`/api/orgs/${orgId}/members/${id}`)).json();
    expect((await profileOf(unmatchedMentee, matchedMentor.userId)).canMessage).toBe(false);
    expect((await profileOf(mentee, matchedMentor.userId)).canMessage).toBe(false);
    expect((await profileOf(mentee, mentor.userId)).canMessage).toBe(true);
    expect((await profileOf(mentee, mentee.userId)).canMessage).toBe(false);
  });
});

describe('live messages', () => {
  it('reach an open event stream held by another server instance on the same database', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const other = await buildApp({
      config,
      database,
      ctx: contextFromConfig(database.db, config, { now: clock.now }),
      logger: false,
      webRoot: null,
    });
    await other.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = other.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const controller = new AbortController();
      const stream = await fetch(`http://127.0.0.1:${port}/api/me/events`, {
        headers: { cookie: mentor.cookie },
        signal: controller.signal,
      });
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let seen = '';
      const readUntil = async (needle: string) => {
        const deadline = Date.now() + 10_000;
        while (!seen.includes(needle)) {
          if (Date.now() > deadline) throw new Error(`no "${needle}" in: ${seen}`);
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended: ${seen}`);
          seen += decoder.decode(value);
        }
      };
      await readUntil('event: ready');
      // Sent through the first instance.
      const sent = await say(mentee, bookingThread, 'Are you there?');
      await readUntil(sent.json().id);
      expect(seen).toContain('event: message');
      expect(seen).toContain(bookingThread);
      controller.abort();
    } finally {
      await other.close();
    }
  });
});
