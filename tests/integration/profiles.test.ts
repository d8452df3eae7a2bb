import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session, signUp } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app } = await createTestApp({ MAX_UPLOAD_BYTES: '20000' });

/** A real 1×1 PNG, built byte by byte so the test needs no fixture file. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function multipart(field: string, filename: string, bytes: Buffer) {
  const boundary = '----confer-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function uploadPhoto(session: Session, bytes: Buffer, field = 'photo') {
  const { payload, contentType } = multipart(field, 'me.png', bytes);
  return app.inject({
    method: 'PUT',
    url: '/api/me/photo',
    payload,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': contentType,
    },
  });
}

describe('profiles', () => {
  it('edits my own profile and colleagues see it', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const me = await addMember(app, admin, orgId, { name: 'Pat Profile' });
    const res = await as(app, me).patch('/api/me/profile', {
      bio: 'Backend engineer',
      skills: ['Go', ' SQL ', 'go', ''],
      shortTermGoals: 'Ship the billing rewrite',
      longTermGoals: 'Become a staff engineer',
      timeZone: 'Asia/Kathmandu',
      location: 'Kathmandu, NP',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toHaveProperty('body.skills.3');

    const ok = await as(app, me).patch('/api/me/profile', {
      bio: 'Backend engineer',
      skills: ['Go', ' SQL ', 'go'],
      shortTermGoals: 'Ship the billing rewrite',
      longTermGoals: 'Become a staff engineer',
      timeZone: 'Asia/Kathmandu',
      location: 'Kathmandu, NP',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: 'Pat Profile',
      skills: ['Go', 'SQL'],
      timeZone: 'Asia/Kathmandu',
    });

    const seen = (await as(app, admin).get(`/api/orgs/${orgId}/members/${me.userId}`)).json();
    expect(seen.profile).toMatchObject({
      bio: 'Backend engineer',
      shortTermGoals: 'Ship the billing rewrite',
      longTermGoals: 'Become a staff engineer',
      location: 'Kathmandu, NP',
    });
  });

  it('refuses unknown zones, offsets, over-long fields and fields that are not profile fields', async () => {
    const me = await signUp(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
      [{ timeZone: '+05:30' }, 'body.timeZone'],
      [{ name: '   ' }, 'body.name'],
      [{ bio: 'x'.repeat(5001) }, 'body.bio'],
      [{ email: 'new@example.test' }, 'body.email'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, me).patch('/api/me/profile', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
  });

  it('uploads a photo, detects its type from the bytes, and shows it only inside the organisation', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const me = await addMember(app, admin, orgId, { name: 'Phoebe Photo' });
    const png = tinyPng();
    const up = await uploadPhoto(me, png);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().hasPhoto).toBe(true);
    const photoUrl = up.json().photoUrl as string;

    const seenByColleague = await as(app, admin).get(photoUrl);
    expect(seenByColleague.statusCode).toBe(200);
    expect(seenByColleague.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(seenByColleague.rawPayload, png)).toBe(0);

    // Colleagues get the same versioned address in the member list.
    const members = (await as(app, admin).get(`/api/orgs/${orgId}/members`)).json().members;
    expect(members.find((m: { userId: string }) => m.userId === me.userId).photoUrl).toBe(photoUrl);
    // A new photo gets a new address, so no browser shows the old one from its cache.
    const second = await uploadPhoto(me, png);
    expect(second.json().photoUrl).not.toBe(photoUrl);
    const current = second.json().photoUrl as string;

    const { admin: outsider } = await createOrgWithAdmin(app, 'Elsewhere');
    expect((await as(app, outsider).get(current)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: current })).statusCode).toBe(401);

    expect((await as(app, me).delete('/api/me/photo')).statusCode).toBe(204);
    expect((await as(app, admin).get(current)).statusCode).toBe(404);
  });

  it('refuses a file that is not an image, an empty file, a missing field and an oversized file', async () => {
    const me = await signUp(app);
    const text = await uploadPhoto(me, Buffer.from('#!/bin/sh\necho not a picture\n'));
    expect(text.statusCode).toBe(415);
    expect(text.json().error.fields).toHaveProperty('photo');
    expect((await uploadPhoto(me, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await uploadPhoto(me, tinyPng(), 'avatar')).statusCode).toBe(400);
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(30_000)]);
    const big = await uploadPhoto(me, huge);
    expect(big.statusCode).toBe(413);
    expect((await as(app, me).get('/api/me/profile')).json().hasPhoto).toBe(false);
  });
});
