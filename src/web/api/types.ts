/**
 * Friendly names for the API's shapes, generated from the OpenAPI document
 * (src/web/api/schema.ts, `npm run api:generate`): a route's schema changes,
 * and so do these.
 */
import type { components, paths } from './schema.ts';

type Schemas = components['schemas'];

export type Booking = Schemas['Booking'];
export type Session = Schemas['Session'];
export type Slot = Schemas['Slot'];
export type Profile = Schemas['Profile'];
export type Organisation = Schemas['Organisation'];
export type Member = Schemas['Member'];
export type Program = Schemas['Program'];
export type Group = Schemas['Group'];
export type Invitation = Schemas['Invitation'];
export type SessionType = Schemas['SessionType'];
export type Notification = Schemas['Notification'];
export type Thread = Schemas['Thread'];
export type Message = Schemas['Message'];
export type MessageRequest = Schemas['MessageRequest'];
export type Attachment = Schemas['Attachment'];
export type MentorshipRequest = Schemas['MentorshipRequest'];
export type Delivery = Schemas['Delivery'];
export type Availability = Schemas['Availability'];
export type AuthSession = Schemas['AuthSession'];
export type ApiErrorBody = Schemas['Error'];

/** The success body of an operation, e.g. `ResponseOf<'/api/orgs/{orgId}/bookings', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** An invitation as the admin list shows it: with who sent it. */
export type ListedInvitation = ResponseOf<
  '/api/orgs/{orgId}/invitations',
  'get'
>['invitations'][number];
