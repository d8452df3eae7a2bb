import type { Booking } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { type SubmissionResult, useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { type BookingAction, bookingActionPath } from './booking-api.ts';

export type BookingActionState = ReturnType<typeof useSubmission> & {
  /**
   * Posts the action; on success tells the page (which reloads its lists) what
   * happened, in words that may depend on the booking the server returned.
   */
  act: (
    action: BookingAction,
    body: object,
    message: string | ((updated: Booking) => string),
  ) => Promise<SubmissionResult<Booking>>;
};

/** One action on one booking, with its own pending and error state. */
export function useBookingAction(
  booking: Booking,
  onChanged: (message: string, updated: Booking) => void,
): BookingActionState {
  const api = useApi();
  const submission = useSubmission();
  async function act(
    action: BookingAction,
    body: object,
    message: string | ((updated: Booking) => string),
  ) {
    const result = await submission.run(() =>
      ok(
        api.POST(bookingActionPath(action), {
          params: { path: { orgId: booking.orgId, bookingId: booking.id } },
          // One call for every verb: each route checks its own body.
          body: body as never,
        }),
      ),
    );
    if (result.ok) {
      onChanged(typeof message === 'string' ? message : message(result.value), result.value);
    }
    return result;
  }
  return { ...submission, act };
}
