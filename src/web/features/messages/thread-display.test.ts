import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import {
  dayHeading,
  formatFileSize,
  formatListTime,
  groupByDay,
  requestNote,
  sendErrorMessage,
  threadSnippet,
} from './thread-display.ts';
import type { Message } from './types.ts';

const me = 'me';
const other = 'other';

describe('formatFileSize', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1024, '1 KB'],
    [3500, '3.4 KB'],
    [12_345, '12 KB'],
    [1_572_864, '1.5 MB'],
    [10 * 1024 * 1024, '10 MB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});

describe('threadSnippet', () => {
  const at = '2026-03-07T10:00:00Z';
  it.each([
    [null, 'No messages yet'],
    [{ body: 'See you\nthen', senderId: other, createdAt: at, attachments: 0 }, 'See you then'],
    [{ body: 'See you', senderId: me, createdAt: at, attachments: 0 }, 'You: See you'],
    [{ body: '', senderId: other, createdAt: at, attachments: 1 }, '📎 file'],
    [{ body: 'My CV', senderId: me, createdAt: at, attachments: 1 }, 'You: 📎 My CV'],
  ])('%o → %s', (last, text) => {
    expect(threadSnippet(last, me)).toBe(text);
  });
});

describe('requestNote', () => {
  it.each([
    [null, null],
    [{ id: 'r', status: 'pending' as const, senderId: me }, 'Request pending'],
    [{ id: 'r', status: 'rejected' as const, senderId: me }, 'Request declined'],
    [{ id: 'r', status: 'accepted' as const, senderId: me }, null],
    [{ id: 'r', status: 'pending' as const, senderId: other }, null],
  ])('%o → %s', (request, note) => {
    expect(requestNote({ request }, me)).toBe(note);
  });
});

describe('times in the viewer zone', () => {
  // 23:30 UTC on 7 March is already 8 March in Kathmandu (UTC+5:45).
  const late = '2026-03-07T23:30:00Z';
  const now = Date.parse('2026-03-08T12:00:00Z');

  it('shows the clock for today and the date before', () => {
    expect(formatListTime(late, 'Asia/Kathmandu', now)).toBe('05:15');
    expect(formatListTime(late, 'America/New_York', now)).toMatch(/7 Mar|Mar 7/);
  });

  it('names today and yesterday by their day in the zone', () => {
    expect(dayHeading(late, 'Asia/Kathmandu', now)).toBe('Today');
    expect(dayHeading(late, 'UTC', now)).toBe('Yesterday');
    expect(dayHeading('2026-03-01T10:00:00Z', 'UTC', now)).toMatch(/2026/);
  });

  it('groups messages by calendar day in the zone', () => {
    const message = (id: string, createdAt: string): Message => ({
      id,
      threadId: 't',
      senderId: me,
      body: id,
      createdAt,
      attachments: [],
    });
    const messages = [
      message('a', '2026-03-07T17:00:00Z'),
      message('b', '2026-03-07T23:30:00Z'),
      message('c', '2026-03-08T01:00:00Z'),
    ];
    const days = (zone: string) =>
      groupByDay(messages, zone).map((day) => day.messages.map((m) => m.id).join(''));
    expect(days('UTC')).toEqual(['ab', 'c']);
    expect(days('Asia/Kathmandu')).toEqual(['a', 'bc']);
  });
});

describe('sendErrorMessage', () => {
  const conflict = (reason: string) => new ApiError(409, 'conflict', 'refused', {}, reason);
  it.each([
    [conflict('awaiting_acceptance'), /not been accepted yet.*Maya accepts it/],
    [conflict('accept_first'), /Accept this message request/],
    [conflict('request_rejected'), /Maya declined your message request/],
    [new ApiError(413, 'payload_too_large', 'big', { file: 'is larger' }), /at most 10 MB/],
    [
      new ApiError(400, 'validation_failed', 'bad', { body: 'must not be empty' }),
      /^Your message must not be empty\.$/,
    ],
    [new ApiError(400, 'validation_failed', 'bad', { file: 'is empty' }), /^The file is empty\.$/],
    [new Error('offline'), /^offline$/],
  ])('%o', (err, text) => {
    expect(sendErrorMessage(err, 'Maya')).toMatch(text);
  });
});
