import { formatMoney } from './format-money.ts';

/** The most the API accepts for a price, in minor units. */
export const maxPriceMinor = 10_000_000;

/**
 * How many minor units digits `currency` has: EUR 2, JPY 0, BHD 3. Null when
 * the code is not one Intl accepts.
 */
export function currencyDigits(currency: string): number | null {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    return format.resolvedOptions().maximumFractionDigits ?? null;
  } catch {
    return null;
  }
}

export type ParsedMoney = { ok: true; amountMinor: number } | { ok: false; problem: string };

/** "45.00" in EUR, "45" in JPY: how an amount is written in that currency. */
export function exampleAmount(digits: number): string {
  return digits > 0 ? `45.${'0'.repeat(digits)}` : '45';
}

/**
 * A price typed as a decimal amount ("45.5") in minor units (4550 for EUR, by
 * string and integer arithmetic, never floats). Empty means free (0). A comma
 * may stand for the decimal point; grouping separators are refused, and so is
 * any digit past the currency's minor unit ("45.505" or "1,000" EUR, "4.5" JPY).
 * Problems read after the field's label: "Price must be …".
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const digits = currencyDigits(currency);
  if (digits === null) return { ok: false, problem: `has an unknown currency ${currency}` };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, amountMinor: 0 };
  // "45", "45.5", "45,50", ".5" and "45." but not "-5", "1,000.00" or ".".
  const match = /^(?=[.,]?\d)(\d*)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return { ok: false, problem: `must be an amount such as ${exampleAmount(digits)}` };
  const whole = (match[1] ?? '').replace(/^0+/, '');
  // Extra digits are refused even when zeros, so "1,000" is never read as 1.00.
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      problem:
        digits === 0
          ? `must be a whole amount: ${currency} has no smaller unit`
          : `can have at most ${digits} decimal places in ${currency}`,
    };
  }
  const tooLarge = {
    ok: false,
    problem: `must be at most ${formatMoney({ amountMinor: maxPriceMinor, currency })}`,
  } as const;
  // Past 15 digits a Number no longer holds every integer exactly.
  if (whole.length + digits > 15) return tooLarge;
  const amountMinor = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  return amountMinor > maxPriceMinor ? tooLarge : { ok: true, amountMinor };
}
