import nodemailer from 'nodemailer';

export type Email = { to: string; subject: string; text: string };
export type Mailer = { send(email: Email): Promise<void>; close(): void };

/**
 * Email over SMTP with nodemailer. `smtp://user:pass@host:port` (STARTTLS when
 * the server offers it) or `smtps://…`; `?ignoreTLS=true` for a local relay
 * without TLS.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  });
  return {
    send: async (email) => {
      await transport.sendMail({ from, ...email });
    },
    close: () => transport.close(),
  };
}
