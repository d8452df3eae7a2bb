import { timeLimited } from './time-limit.ts';

/**
 * Payment providers move money; our ledger records every movement. The
 * built-in provider only records (no processor), which is what a mentoring
 * program without fees, or one settling invoices elsewhere, needs. An external
 * processor implements the same three calls, each idempotent by booking.
 */
export type Money = { amountMinor: number; currency: string };

export type PaymentProvider = {
  name: string;
  hold(bookingId: string, money: Money): Promise<string>;
  capture(bookingId: string, holdRef: string): Promise<string>;
  refund(bookingId: string, holdRef: string): Promise<string>;
};

export const ledgerOnlyPayments: PaymentProvider = {
  name: 'ledger',
  hold: async (bookingId) => `ledger:hold:${bookingId}`,
  capture: async (bookingId) => `ledger:capture:${bookingId}`,
  refund: async (bookingId) => `ledger:refund:${bookingId}`,
};

/** The same provider, each call bounded to `ms`. */
export function timeLimitedPayments(provider: PaymentProvider, ms: number): PaymentProvider {
  const bound = (call: string, run: () => Promise<string>) =>
    timeLimited(`${provider.name} ${call}`, ms, run);
  return {
    name: provider.name,
    hold: (bookingId, money) => bound('hold', () => provider.hold(bookingId, money)),
    capture: (bookingId, ref) => bound('capture', () => provider.capture(bookingId, ref)),
    refund: (bookingId, ref) => bound('refund', () => provider.refund(bookingId, ref)),
  };
}
