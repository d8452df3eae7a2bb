/**
 * The Messages API's shapes as the browser receives them (instants are ISO
 * strings), derived from the generated OpenAPI types.
 */
import type * as api from '../../api/types.ts';
import type { ResponseOf } from '../../api/types.ts';

export type Attachment = api.Attachment;
export type Message = api.Message;
export type ThreadSummary = api.Thread;
export type MessageRequestState = ThreadSummary['request'];
export type MessageRequestStatus = NonNullable<MessageRequestState>['status'];
/** One conversation; `thread` is null while it is a message request waiting for my answer. */
export type ThreadDetail = ResponseOf<'/api/orgs/{orgId}/threads/{threadId}', 'get'>;
export type Connection = ResponseOf<'/api/orgs/{orgId}/connections', 'get'>['connections'][number];
