import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { SendOutcome } from '../core/delivery.ts';
import type { InvitationMethod } from '../core/invitations.ts';

export type Email = {
  to: string;
  subject: string;
  text: string;
  /** the same message as HTML (multipart/alternative beside the text) */
  html?: string;
  /** `<…@domain>`: the same on every retry, so a resent message is recognisable */
  messageId: string;
  /** an iTIP invitation, sent as the text/calendar part calendars take up (nodemailer's icalEvent) */
  icalEvent?: { method: InvitationMethod; filename: string; content: string };
  /** RFC 8058 one-click unsubscribe: List-Unsubscribe with List-Unsubscribe-Post */
  unsubscribeUrl?: string;
};

/** The message as nodemailer takes it, with the unsubscribe headers mail programs act on. */
function messageOf(from: string, { unsubscribeUrl, ...email }: Email) {
  return {
    from,
    ...email,
    ...(unsubscribeUrl
      ? {
          list: { unsubscribe: unsubscribeUrl },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }
      : {}),
  };
}
export type Mailer = {
  /** the sender's domain, for Message-IDs */
  domain: string;
  /** Never throws for what the server answers: a refusal is an outcome. */
  send(email: Email): Promise<SendOutcome>;
  close(): void;
};

/** Failures of the connection or the session, not of one message: every message would meet them. */
const SERVER_LEVEL = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EAUTH',
  'ETLS',
  'EPROTOCOL',
]);

/**
 * What a nodemailer error means for the message: a 5xx answer or a refused
 * envelope (a bad address) will never succeed; a 4xx answer may later; a
 * connection that failed says nothing about the message. A refused login
 * (EAUTH, even 535) is a configuration problem of the server, so it waits
 * rather than failing every message for good.
 */
export function classifySmtpError(err: unknown): Exclude<SendOutcome, { ok: true }> {
  const e = (err ?? {}) as { code?: string; responseCode?: number; response?: string };
  const reason = e.response ?? (err instanceof Error ? err.message : String(err));
  const code = e.code ?? '';
  if (code === 'EAUTH' || (SERVER_LEVEL.has(code) && !e.responseCode)) {
    return { ok: false, kind: 'unreachable', reason: `${code}: ${reason}` };
  }
  if (e.responseCode !== undefined && e.responseCode >= 500) {
    return { ok: false, kind: 'permanent', reason };
  }
  if (code === 'EENVELOPE' && e.responseCode === undefined) {
    return { ok: false, kind: 'permanent', reason };
  }
  if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) {
    // A 421 is the server closing the session ("service not available"): it is down for everyone.
    return { ok: false, kind: e.responseCode === 421 ? 'unreachable' : 'transient', reason };
  }
  return { ok: false, kind: SERVER_LEVEL.has(code) ? 'unreachable' : 'transient', reason };
}

/**
 * Email over SMTP with nodemailer. `smtp://user:pass@host:port` (STARTTLS when
 * the server offers it) or `smtps://…`; `?ignoreTLS=true` for a local relay
 * without TLS. Timeouts are short so that a server that hangs costs seconds,
 * not nodemailer's default minutes.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  });
  return {
    domain: /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'confer.invalid',
    send: async (email) => {
      try {
        await transport.sendMail(messageOf(from, email));
        return { ok: true };
      } catch (err) {
        return classifySmtpError(err);
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Mail without a mail server (the embedded default): each message is written
 * as an RFC 5322 `.eml` file under `dir`, named by its Message-ID, so a new
 * user sees what Confer sends (the admins' Mailbox shows the same messages
 * from the database). Writing again under the same Message-ID replaces the file.
 */
export function mailboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    domain: /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'confer.invalid',
    send: async (email) => {
      try {
        const info = await transport.sendMail(messageOf(from, email));
        await mkdir(dir, { recursive: true });
        const name = email.messageId.replace(/[^A-Za-z0-9@._-]/g, '');
        await writeFile(path.join(dir, `${name}.eml`), info.message as Buffer);
        return { ok: true };
      } catch (err) {
        // A full or unwritable disk: worth trying again later, like a server saying "later".
        return { ok: false, kind: 'transient', reason: String(err).slice(0, 500) };
      }
    },
    close: () => transport.close(),
  };
}
