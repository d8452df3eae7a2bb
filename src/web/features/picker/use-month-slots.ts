import { useState } from 'react';
import { wallClockAt } from '../../../core/local-time.ts';
import type { Slot } from '../../api/types.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { monthSpan, shiftMonth } from './month-calendar.ts';

type MonthSlotsOptions = {
  orgId: string;
  mentorId: string;
  viewerZone: string;
  /** choosing where to move this booking: its own time counts as free */
  forBooking?: string | undefined;
};

/**
 * The month the picker shows and the mentor's slots in it, one request per
 * month (a month is at most 31 days of the server's 100-day window). The
 * first month is the viewer's current one; paging never goes before it.
 */
export function useMonthSlots({ orgId, mentorId, viewerZone, forBooking }: MonthSlotsOptions) {
  const [firstMonth] = useState(() => wallClockAt(Date.now(), viewerZone).date.slice(0, 7));
  const [month, setMonth] = useState(firstMonth);
  const { fromMs, toMs } = monthSpan(month, viewerZone);
  const query = useApiQuery('/api/orgs/{orgId}/mentors/{mentorId}/slots', {
    params: {
      path: { orgId, mentorId },
      query: {
        from: new Date(fromMs).toISOString(),
        to: new Date(toMs).toISOString(),
        tz: viewerZone,
        ...(forBooking ? { forBooking } : {}),
      },
    },
  });
  const bookableUntil = query.data
    ? Date.parse(query.data.bookableUntil)
    : Number.POSITIVE_INFINITY;
  return {
    month,
    query,
    canGoBack: month > firstMonth,
    // The month after starts within the mentor's horizon.
    canGoForward: toMs < bookableUntil,
    page: (count: number) => setMonth(shiftMonth(month, count)),
  };
}

export type MonthSlots = ReturnType<typeof useMonthSlots>;

/** The date a slot starts on in the viewer's zone (the server wrote it with its offset). */
export const slotDate = (slot: Slot) => slot.viewerLocal.slice(0, 10);

/** A slot's identity among the picker's: one start, one length, one session. */
export const slotKey = (slot: Slot) =>
  `${slot.start}-${slot.lengthMinutes}-${slot.sessionId ?? ''}`;
