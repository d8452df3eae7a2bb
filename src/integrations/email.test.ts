import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './email.ts';

/** Errors shaped as nodemailer raises them (code, responseCode, response). */
const smtpError = (code: string, responseCode?: number, response?: string) =>
  Object.assign(new Error(response ?? code), { code, responseCode, response });

describe('classifySmtpError', () => {
  it.each([
    ['a refused recipient', smtpError('EENVELOPE', 550, '550 5.1.1 no such user'), 'permanent'],
    ['a message refused at DATA', smtpError('EMESSAGE', 554, '554 5.7.1 spam'), 'permanent'],
    ['an address nodemailer cannot use', smtpError('EENVELOPE'), 'permanent'],
    ['a greylisted recipient', smtpError('EENVELOPE', 450, '450 4.2.0 greylisted'), 'transient'],
    ['a deferred message', smtpError('EMESSAGE', 451, '451 4.3.0 try later'), 'transient'],
    [
      'a server closing the session',
      smtpError('EENVELOPE', 421, '421 shutting down'),
      'unreachable',
    ],
    ['a refused connection', smtpError('ESOCKET'), 'unreachable'],
    ['a connection timeout', smtpError('ETIMEDOUT'), 'unreachable'],
    ['a refused login', smtpError('EAUTH', 535, '535 5.7.8 bad credentials'), 'unreachable'],
    ['anything else', new Error('surprise'), 'transient'],
  ])('%s is %s', (_label, err, kind) => {
    expect(classifySmtpError(err).kind).toBe(kind);
  });

  it('keeps the server’s answer for admins', () => {
    expect(classifySmtpError(smtpError('EENVELOPE', 550, '550 no such user')).reason).toBe(
      '550 no such user',
    );
  });
});
