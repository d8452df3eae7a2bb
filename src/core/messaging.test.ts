import { describe, expect, it } from 'vitest';
import {
  decideDirectSend,
  decideMessageRequest,
  MAX_MESSAGE_LENGTH,
  mayMessage,
  messageBodyProblem,
  orderedPair,
  pairKey,
  requestProgram,
  type Standing,
} from './messaging.ts';

const carte = (programId: string, role: 'mentor' | 'mentee') => ({
  programId,
  mode: 'a_la_carte' as const,
  role,
});
const matched = (programId: string, role: 'mentor' | 'mentee') => ({
  programId,
  mode: 'matched' as const,
  role,
});
const member = (userId: string, programs: Standing['programs'], isOrgAdmin = false): Standing => ({
  userId,
  isOrgAdmin,
  programs,
});
const none = new Set<string>();

describe('who may write to whom', () => {
  it('members of one à-la-carte program reach each other', () => {
    const mentor = member('m', [carte('p', 'mentor')]);
    const mentee = member('e', [carte('p', 'mentee')]);
    expect(mayMessage(mentee, mentor, none)).toBe(true);
    expect(requestProgram('session_request', mentee, mentor, none)).toBe('p');
    expect(requestProgram('offer', mentor, mentee, none)).toBe('p');
    // The wrong way round: a mentee does not offer to mentor.
    expect(requestProgram('offer', mentee, mentor, none)).toBeNull();
  });

  it('in a matched program only the matched pair reach each other', () => {
    const mentor = member('m', [matched('p', 'mentor')]);
    const mentee = member('e', [matched('p', 'mentee')]);
    expect(mayMessage(mentee, mentor, none)).toBe(false);
    expect(requestProgram('session_request', mentee, mentor, none)).toBeNull();
    const pairs = new Set([pairKey('p', 'm', 'e')]);
    expect(mayMessage(mentee, mentor, pairs)).toBe(true);
    expect(mayMessage(mentor, mentee, pairs)).toBe(true);
    expect(requestProgram('offer', mentor, mentee, pairs)).toBe('p');
  });

  it('people without a shared program do not, unless one is an admin', () => {
    const a = member('a', [carte('p', 'mentee')]);
    const b = member('b', [carte('q', 'mentor')]);
    expect(mayMessage(a, b, none)).toBe(false);
    expect(mayMessage(a, member('x', [], true), none)).toBe(true);
    expect(mayMessage(a, a, none)).toBe(false);
  });
});

describe('message requests (seed 003)', () => {
  it('a first message to a non-connection opens a request', () => {
    expect(decideDirectSend('s', { connected: false, request: null, sentByMe: 0 })).toEqual({
      ok: true,
      opensRequest: true,
    });
  });

  it('until accepted, the sender sends one message only', () => {
    const request = { senderId: 's', status: 'pending' as const };
    expect(decideDirectSend('s', { connected: false, request, sentByMe: 0 })).toMatchObject({
      ok: true,
    });
    expect(decideDirectSend('s', { connected: false, request, sentByMe: 1 })).toMatchObject({
      ok: false,
      reason: 'awaiting_acceptance',
    });
  });

  it('the receiver accepts before replying', () => {
    const request = { senderId: 's', status: 'pending' as const };
    expect(decideDirectSend('r', { connected: false, request, sentByMe: 0 })).toMatchObject({
      ok: false,
      reason: 'accept_first',
    });
  });

  it('connections write freely', () => {
    const request = { senderId: 's', status: 'accepted' as const };
    expect(decideDirectSend('s', { connected: true, request, sentByMe: 40 })).toEqual({
      ok: true,
      opensRequest: false,
    });
  });

  it('a rejected sender cannot write again; the receiver may open a request the other way', () => {
    const request = { senderId: 's', status: 'rejected' as const };
    expect(decideDirectSend('s', { connected: false, request, sentByMe: 1 })).toMatchObject({
      ok: false,
      reason: 'request_rejected',
    });
    expect(decideDirectSend('r', { connected: false, request, sentByMe: 0 })).toEqual({
      ok: true,
      opensRequest: true,
    });
  });

  it('only the receiver answers, once', () => {
    expect(decideMessageRequest('pending', 'accept', true)).toEqual({ ok: true, to: 'accepted' });
    expect(decideMessageRequest('pending', 'reject', true)).toEqual({ ok: true, to: 'rejected' });
    expect(decideMessageRequest('pending', 'accept', false)).toMatchObject({
      ok: false,
      reason: 'wrong_side',
    });
    expect(decideMessageRequest('rejected', 'accept', true)).toMatchObject({
      ok: false,
      reason: 'not_pending',
    });
  });
});

describe('message bodies and pairs', () => {
  it('refuses empty and over-long bodies; a file alone is enough', () => {
    expect(messageBodyProblem('  ', false)).toBe('must not be empty');
    expect(messageBodyProblem('', true)).toBeNull();
    expect(messageBodyProblem('x'.repeat(MAX_MESSAGE_LENGTH), false)).toBeNull();
    expect(messageBodyProblem('x'.repeat(MAX_MESSAGE_LENGTH + 1), false)).toContain('at most');
  });

  it('orders a pair the same way whichever side starts', () => {
    expect(orderedPair('b', 'a')).toEqual(orderedPair('a', 'b'));
  });
});
