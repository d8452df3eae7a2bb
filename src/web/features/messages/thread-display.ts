import { addDays, wallClockAt } from '../../../core/local-time.ts';
import { ApiError, describeError } from '../../api.ts';
import { formatDate, shownZone } from '../../ui/format-date-time.ts';
import type { Message, ThreadSummary } from './types.ts';

/** The server's limit on one attachment (core/messaging.ts). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The server's limit on a message's text. */
export const MAX_MESSAGE_LENGTH = 10_000;

/** "512 B", "3.4 KB", "12 KB", "1.5 MB": binary units, one decimal below ten. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

/** One line about the latest message: "You: See you then", "📎 file", "No messages yet". */
export function threadSnippet(last: ThreadSummary['lastMessage'], viewerId: string): string {
  if (!last) return 'No messages yet';
  const text = last.body.trim().replace(/\s+/g, ' ');
  const shown = last.attachments > 0 ? `📎 ${text || 'file'}` : text;
  return last.senderId === viewerId ? `You: ${shown}` : shown;
}

/** A note on a direct thread whose message request I sent, or null. */
export function requestNote(thread: Pick<ThreadSummary, 'request'>, viewerId: string) {
  const request = thread.request;
  if (!request || request.senderId !== viewerId) return null;
  if (request.status === 'pending') return 'Request pending';
  if (request.status === 'rejected') return 'Request declined';
  return null;
}

function dayMonth(value: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(value));
  } catch {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(
      new Date(value),
    );
  }
}

/** For the thread list: the clock time today, else "12 Mar" (both in the viewer's zone). */
export function formatListTime(value: string, timeZone: string, nowMs: number): string {
  const zone = shownZone(timeZone);
  const then = wallClockAt(Date.parse(value), zone);
  const today = wallClockAt(nowMs, zone);
  return then.date === today.date ? then.time : dayMonth(value, timeZone);
}

/** "Today", "Yesterday" or "12 Mar 2026": the heading over a day's messages. */
export function dayHeading(value: string, timeZone: string, nowMs: number): string {
  const zone = shownZone(timeZone);
  const day = wallClockAt(Date.parse(value), zone).date;
  const today = wallClockAt(nowMs, zone).date;
  if (day === today) return 'Today';
  if (day === addDays(today, -1)) return 'Yesterday';
  return formatDate(value, timeZone);
}

/** Messages grouped by the viewer's calendar day, oldest first. */
export function groupByDay(messages: Message[], timeZone: string) {
  const days: { date: string; messages: Message[] }[] = [];
  for (const message of messages) {
    const date = wallClockAt(Date.parse(message.createdAt), shownZone(timeZone)).date;
    const last = days[days.length - 1];
    if (last && last.date === date) last.messages.push(message);
    else days.push({ date, messages: [message] });
  }
  return days;
}

/** Why a message could not be sent, in plain words. */
export function sendErrorMessage(err: unknown, otherName: string): string {
  if (!(err instanceof ApiError)) return describeError(err);
  switch (err.reason) {
    case 'awaiting_acceptance':
      return `Your message request has not been accepted yet: you can write again once ${otherName} accepts it.`;
    case 'accept_first':
      return 'Accept this message request in Requests before replying.';
    case 'request_rejected':
      return `${otherName} declined your message request, so you cannot write to them here.`;
  }
  if (err.status === 413) return 'That file is too large: attach files of at most 10 MB.';
  const bodyProblem = err.fields.body;
  if (bodyProblem) return `Your message ${bodyProblem}.`;
  const fileProblem = err.fields.file;
  if (fileProblem) return `The file ${fileProblem}.`;
  return err.message;
}
