import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { type BookingAction, bookingStatuses } from '../../core/booking-machine.ts';
import { photoUrlFor } from '../../core/photo-url.ts';
import { bookingCalendarLinks, bookingIcsFile } from '../../services/booking-calendar.ts';
import {
  decideBooking,
  describeBookingAfterChange,
  describeBookings,
  listMyBookings,
  listPendingForMentor,
  requireBooking,
  setBookingMeetingLink,
} from '../../services/decide-booking.ts';
import { rateBooking } from '../../services/rate-booking.ts';
import { requestBooking } from '../../services/request-booking.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, instant, myListQuery, uuidParam } from '../schemas.ts';

const tags = ['bookings'];
const orgParams = z.object({ orgId: uuidParam });
const bookingParams = orgParams.extend({ bookingId: uuidParam });

const person = z
  .object({ userId: z.uuid(), name: z.string(), timeZone: z.string() })
  .register(apiSchemas, { id: 'BookingPerson' });
const bookingView = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    sessionId: z.uuid().nullable(),
    mentor: person,
    mentee: person.extend({ photoUrl: z.string().nullable() }),
    status: z.enum(bookingStatuses),
    awaiting: z.enum(['mentor', 'mentee']).nullable(),
    startsAt: z.date(),
    endsAt: z.date(),
    message: z.string(),
    reason: z.string().nullable(),
    round: z.number(),
    expiresAt: z.date().nullable(),
    createdAt: z.date(),
    meetingUrl: z.string().nullable(),
    sessionType: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    price: z.object({ amountMinor: z.number(), currency: z.string() }).nullable(),
    payment: z.enum(['held', 'captured', 'refunded']).nullable(),
    lateCancellation: z.boolean(),
    lateCancellationFrom: z
      .date()
      .meta({ description: "from this instant, cancelling counts as late (the program's window)" }),
    myRating: z.object({ stars: z.number(), feedback: z.string() }).nullable(),
    canRate: z.boolean(),
    move: z
      .object({
        startsAt: z.date(),
        endsAt: z.date(),
        by: z.enum(['mentor', 'mentee']),
        reason: z.string().nullable(),
        askedAt: z.date().meta({ description: 'when the move was asked for' }),
      })
      .nullable()
      .meta({ description: 'a new time asked for this approved session, waiting for an answer' }),
    moves: z.object({
      made: z.number(),
      allowed: z.number(),
      until: z.date().meta({ description: 'moving is possible until this instant' }),
      noticeHours: z.number(),
    }),
    calendar: z
      .object({ google: z.string(), outlook: z.string(), yahoo: z.string(), ics: z.string() })
      .nullable()
      .meta({ description: 'add-to-calendar links, once approved' }),
  })
  .register(apiSchemas, { id: 'Booking' });

type Described = Awaited<ReturnType<typeof describeBookings>>[number];

function present({
  listing: l,
  payment,
  myRating,
  canRate,
}: Described): z.infer<typeof bookingView> {
  const b = l.booking;
  return {
    id: b.id,
    orgId: b.orgId,
    programId: b.programId,
    programName: l.programName,
    sessionId: b.sessionId,
    mentor: { userId: b.mentorId, name: l.mentorName, timeZone: l.mentorTimeZone },
    mentee: {
      userId: b.menteeId,
      name: l.menteeName,
      timeZone: l.menteeTimeZone,
      photoUrl: photoUrlFor(b.menteeId, l.menteePhotoKey),
    },
    status: b.status as z.infer<typeof bookingView>['status'],
    awaiting: b.awaiting,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    message: b.message,
    reason: b.reason,
    round: b.round,
    expiresAt: b.expiresAt,
    createdAt: b.createdAt,
    meetingUrl: b.meetingUrl,
    sessionType:
      b.sessionTypeId && l.sessionTypeName
        ? { id: b.sessionTypeId, name: l.sessionTypeName }
        : null,
    price:
      b.priceMinor > 0 && b.currency ? { amountMinor: b.priceMinor, currency: b.currency } : null,
    payment,
    lateCancellation: b.lateCancellation,
    lateCancellationFrom: new Date(b.startsAt.getTime() - l.lateCancelHours * 3_600_000),
    myRating,
    canRate,
    move:
      b.moveStartsAt && b.moveEndsAt && b.moveBy
        ? {
            startsAt: b.moveStartsAt,
            endsAt: b.moveEndsAt,
            by: b.moveBy,
            reason: b.moveReason,
            // The move is the booking's last change until it is answered.
            askedAt: b.updatedAt,
          }
        : null,
    moves: {
      made: b.moves,
      allowed: l.maxMoves,
      until: new Date(b.startsAt.getTime() - l.moveNoticeHours * 3_600_000),
      noticeHours: l.moveNoticeHours,
    },
    calendar:
      b.status === 'approved'
        ? {
            ...bookingCalendarLinks(l),
            ics: `/api/orgs/${b.orgId}/bookings/${b.id}/calendar.ics`,
          }
        : null,
  };
}

const lengthMinutes = z
  .number()
  .int()
  .min(5)
  .max(24 * 60)
  .optional();

const idempotencyKey = z
  .string()
  .regex(/^[\w.:-]{8,100}$/, 'must be 8–100 letters, digits or . _ : -')
  .optional();

export const bookingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  /** One booking as the viewer sees it. */
  /** After the viewer's own change: the row as they now see it. */
  const changed = async (viewerId: string, id: string) =>
    present(await describeBookingAfterChange(ctx, viewerId, id));

  async function view(viewerId: string, orgId: string, id: string) {
    const { listing, events } = await requireBooking(ctx, { userId: viewerId }, orgId, id);
    const [described] = await describeBookings(ctx, viewerId, [listing]);
    return { booking: present(described!), events };
  }

  app.post(
    '/api/orgs/:orgId/bookings',
    {
      config: { access: 'mentee', idempotent: true },
      schema: {
        tags,
        summary:
          'Book a slot (startsAt + lengthMinutes), a seat in a published session (sessionId), or suggest a time of your own (ownTime). Pending until the mentor answers. Send Idempotency-Key to make retries safe: a retry with the same key and body gets the first answer again (status and body, with Idempotent-Replayed: true), for 24 hours; the same key with another body is refused (409 idempotency_mismatch).',
        params: orgParams,
        headers: z.object({ 'idempotency-key': idempotencyKey }),
        body: z.strictObject({
          mentorId: uuidParam,
          startsAt: instant.optional(),
          lengthMinutes,
          sessionTypeId: uuidParam.optional(),
          sessionId: uuidParam.optional(),
          ownTime: z.boolean().default(false),
          message: z.string().trim().max(5000).default(''),
        }),
        response: { 201: bookingView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { orgId } = request.params;
      const booking = await requestBooking(
        ctx,
        actor,
        orgId,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.code(201).send(await changed(actor.userId, booking.id));
    },
  );

  app.get(
    '/api/me/bookings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Bookings I made or received, by start time; ?orgId= keeps one organisation',
        querystring: myListQuery,
        response: { 200: z.object({ bookings: z.array(bookingView) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        bookings: (
          await describeBookings(
            ctx,
            actor.userId,
            await listMyBookings(ctx, actor, request.query.orgId),
          )
        ).map(present),
      };
    },
  );

  app.get(
    '/api/me/pending-bookings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          "Pending bookings where I am the mentor, with the mentee's history and any conflict on my calendar; ?orgId= keeps one organisation",
        querystring: myListQuery,
        response: {
          200: z.object({
            bookings: z.array(
              bookingView.extend({
                menteeHistory: z.object({
                  sessions: z.number(),
                  totalSpentMinor: z.number(),
                  currency: z.string().nullable(),
                  averageRatingGiven: z.number().nullable(),
                }),
                conflicts: z.array(
                  z.object({
                    kind: z.enum(['session', 'booking', 'outside_hours', 'calendar']),
                    title: z.string(),
                    startsAt: z.date(),
                    endsAt: z.date(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const pending = await listPendingForMentor(ctx, actor, request.query.orgId);
      const described = await describeBookings(
        ctx,
        actor.userId,
        pending.map((p) => p.listing),
      );
      return {
        bookings: pending.map((p, i) => ({
          ...present(described[i]!),
          menteeHistory: p.history,
          conflicts: p.conflicts,
        })),
      };
    },
  );

  app.get(
    '/api/orgs/:orgId/bookings/:bookingId',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: 'A booking with its history (every transition: who, from, to, why, when)',
        params: bookingParams,
        response: {
          200: bookingView.extend({
            history: z.array(
              z.object({
                action: z.string(),
                fromStatus: z.string().nullable(),
                toStatus: z.string(),
                reason: z.string().nullable(),
                startsAt: z.date(),
                endsAt: z.date(),
                at: z.date(),
                actorName: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { booking, events } = await view(
        requireActor(request).userId,
        request.params.orgId,
        request.params.bookingId,
      );
      return { ...booking, history: events };
    },
  );

  const decisions: { path: string; action: BookingAction; summary: string; body: z.ZodType }[] = [
    {
      path: 'approve',
      action: 'approve',
      summary: 'Mentor approves a pending booking',
      body: z.strictObject({}),
    },
    {
      path: 'reject',
      action: 'reject',
      summary: 'Mentor rejects a pending booking; the reason is shown to the mentee',
      body: z.strictObject({ reason: z.string().trim().min(1, 'is required').max(1000) }),
    },
    {
      path: 'propose',
      action: 'propose_time',
      summary: 'Suggest another time (mentor, or mentee answering a suggestion)',
      body: z.strictObject({
        startsAt: instant,
        lengthMinutes,
        reason: z.string().trim().max(1000).optional(),
      }),
    },
    {
      path: 'accept',
      action: 'accept_proposal',
      summary: "Mentee accepts the mentor's suggested time",
      body: z.strictObject({}),
    },
    {
      path: 'decline',
      action: 'decline_proposal',
      summary: "Mentee declines the mentor's suggested time",
      body: z.strictObject({ reason: z.string().trim().max(1000).optional() }),
    },
    {
      path: 'withdraw',
      action: 'withdraw',
      summary: 'Mentee withdraws a pending booking',
      body: z.strictObject({ reason: z.string().trim().max(1000).optional() }),
    },
    {
      path: 'complete',
      action: 'complete',
      summary: 'Mentor marks the session completed (after it started)',
      body: z.strictObject({}),
    },
    {
      path: 'no-show',
      action: 'report_no_show',
      summary:
        'Report that the other side did not come (after the start): the mentor reports the mentee, or the mentee the mentor',
      body: z.strictObject({ reason: z.string().trim().max(1000).optional() }),
    },
    {
      path: 'move',
      action: 'propose_move',
      summary:
        'Ask to move an approved session to another time, with a reason; both times stay held until the other side answers (a mentee’s move applies at once when the mentor approves automatically)',
      body: z.strictObject({
        startsAt: instant,
        reason: z.string().trim().min(1, 'is required').max(1000),
      }),
    },
    {
      path: 'move/accept',
      action: 'accept_move',
      summary: 'Accept the other side’s move: the session takes the new time for both',
      body: z.strictObject({}),
    },
    {
      path: 'move/decline',
      action: 'decline_move',
      summary: 'Decline the other side’s move: the session stays as it was',
      body: z.strictObject({ reason: z.string().trim().max(1000).optional() }),
    },
    {
      path: 'move/withdraw',
      action: 'withdraw_move',
      summary: 'Withdraw one’s own move before it is answered',
      body: z.strictObject({}),
    },
    {
      path: 'cancel',
      action: 'cancel',
      summary: 'Either side cancels an approved booking, with a reason',
      body: z.strictObject({ reason: z.string().trim().min(1, 'is required').max(1000) }),
    },
  ];

  for (const d of decisions) {
    app.post(
      `/api/orgs/:orgId/bookings/:bookingId/${d.path}`,
      {
        config: { access: 'party' },
        schema: {
          tags,
          summary: d.summary,
          params: bookingParams,
          body: d.body,
          response: { 200: bookingView, ...errorResponses },
        },
      },
      async (request) => {
        const body = (request.body ?? {}) as {
          reason?: string;
          startsAt?: Date;
          lengthMinutes?: number;
        };
        const { orgId, bookingId } = request.params;
        const actor = requireActor(request);
        await decideBooking(ctx, actor, orgId, bookingId, {
          action: d.action,
          reason: body.reason,
          // The body schema requires startsAt for a proposal.
          proposal: body.startsAt && { startsAt: body.startsAt, lengthMinutes: body.lengthMinutes },
        });
        return changed(actor.userId, bookingId);
      },
    );
  }

  app.post(
    '/api/orgs/:orgId/bookings/:bookingId/rating',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: 'Rate a completed session, once per side',
        params: bookingParams,
        body: z.strictObject({
          stars: z.number().int().min(1).max(5),
          feedback: z.string().trim().max(5000).default(''),
        }),
        response: { 200: bookingView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { orgId, bookingId } = request.params;
      await rateBooking(ctx, actor, orgId, bookingId, request.body);
      return changed(actor.userId, bookingId);
    },
  );

  app.get(
    '/api/orgs/:orgId/bookings/:bookingId/calendar.ics',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: 'The booking as an iCalendar file (tentative while pending, cancelled when over)',
        params: bookingParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { listing } = await requireBooking(
        ctx,
        actor,
        request.params.orgId,
        request.params.bookingId,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="confer-${listing.booking.id}.ics"`)
        .send(bookingIcsFile(listing));
    },
  );

  app.put(
    '/api/orgs/:orgId/bookings/:bookingId/meeting-link',
    {
      config: { access: 'mentor-side' },
      schema: {
        tags,
        summary: 'Add or change the meeting link of an approved booking (mentor)',
        params: bookingParams,
        body: z.strictObject({
          meetingUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
        }),
        response: { 200: bookingView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { orgId, bookingId } = request.params;
      await setBookingMeetingLink(ctx, actor, orgId, bookingId, request.body.meetingUrl);
      return changed(actor.userId, bookingId);
    },
  );
};
