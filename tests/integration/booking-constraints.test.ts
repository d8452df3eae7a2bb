import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BookingStatus } from '../../src/core/booking-machine.ts';
import { sqlState } from '../../src/db/errors.ts';
import { bookings } from '../../src/db/schema.ts';
import { addMember, as, createOrgWithAdmin } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, database } = await createTestApp();

/** The database itself refuses double-booking, whatever the code above it does. */
describe('booking exclusion constraints', () => {
  it('refuses overlapping active bookings of one mentor or one mentee, and allows them once one is over', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const programId = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'P', mode: 'a_la_carte' })
    ).json().id;
    const mentor = await addMember(app, admin, orgId, { programId, programRole: 'mentor' });
    const [a, b] = [
      await addMember(app, admin, orgId, { programId }),
      await addMember(app, admin, orgId, { programId }),
    ];
    const at = (h: number) => new Date(Date.UTC(2030, 0, 1, h));
    const row = (
      menteeId: string,
      start: number,
      end: number,
      status: BookingStatus = 'pending',
    ) => ({
      id: randomUUID(),
      orgId,
      programId,
      mentorId: mentor.userId,
      menteeId,
      status,
      awaiting: status === 'pending' ? ('mentor' as const) : null,
      startsAt: at(start),
      endsAt: at(end),
    });
    const insert = (values: ReturnType<typeof row>) =>
      database.db
        .insert(bookings)
        .values(values)
        .then(
          () => 'ok',
          (err: unknown) => sqlState(err),
        );

    expect(await insert(row(a!.userId, 9, 10))).toBe('ok');
    expect(await insert(row(b!.userId, 9, 10))).toBe('23P01'); // mentor taken
    expect(await insert(row(b!.userId, 10, 11))).toBe('ok'); // touching is not overlapping
    expect(await insert(row(a!.userId, 10, 11, 'rejected'))).toBe('ok'); // inactive rows never clash
    expect(await insert(row(a!.userId, 9, 10, 'approved'))).toBe('23P01'); // mentee (and mentor) taken
    expect(await insert(row(a!.userId, 12, 13, 'approved'))).toBe('ok');
  });
});
