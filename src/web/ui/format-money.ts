import type { Money } from '../api/types.ts';

function currencyFormatter(currency: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      // "€120" rather than "€120.00"; "€49.50" keeps its cents.
      trailingZeroDisplay: 'stripIfInteger',
    });
  } catch {
    return null;
  }
}

/**
 * An amount kept in minor units (cents), written in its currency: 12000 EUR →
 * "€120". The currency says how many minor units make one (JPY none, EUR 100).
 */
export function formatMoney({ amountMinor, currency }: Money): string {
  const format = currencyFormatter(currency);
  if (!format) return `${amountMinor} ${currency} (minor units)`;
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
