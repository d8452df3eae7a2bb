import type { Db } from '../db/client.ts';
import { ledgerOnlyPayments, type PaymentProvider } from '../integrations/payments.ts';
import { jitsiVideo, type VideoProvider } from '../integrations/video.ts';

/** What every use case needs: the database, the clock (injectable so tests can move time) and the outside world. */
export type ServiceContext = {
  db: Db;
  now: () => Date;
  sessionDays: number;
  payments: PaymentProvider;
  video: VideoProvider;
};

export function createServiceContext(
  db: Db,
  opts: Partial<Omit<ServiceContext, 'db'>> = {},
): ServiceContext {
  return {
    db,
    now: opts.now ?? (() => new Date()),
    sessionDays: opts.sessionDays ?? 30,
    payments: opts.payments ?? ledgerOnlyPayments,
    video: opts.video ?? jitsiVideo,
  };
}

/** The signed-in person a use case acts for. */
export type Actor = { userId: string };
