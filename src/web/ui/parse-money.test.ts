import { describe, expect, it } from 'vitest';
import { currencyDigits, parseMoney } from './parse-money.ts';

describe('currencyDigits', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['INR', 2],
    ['JPY', 0],
    ['BHD', 3],
  ])('%s has %i', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });

  it('is null for a code Intl refuses', () => {
    expect(currencyDigits('EURO')).toBeNull();
  });
});

describe('parseMoney', () => {
  it.each([
    // [typed, currency, minor units]
    ['45.00', 'EUR', 4500],
    ['45.5', 'EUR', 4550],
    ['45', 'EUR', 4500],
    ['45,50', 'EUR', 4550],
    ['0.1', 'USD', 10],
    ['0.07', 'USD', 7],
    ['.5', 'GBP', 50],
    ['45.', 'EUR', 4500],
    ['  19.99 ', 'INR', 1999],
    ['007.50', 'EUR', 750],
    ['4500', 'JPY', 4500],
    ['1.234', 'BHD', 1234],
    ['', 'EUR', 0],
    ['0', 'EUR', 0],
    ['100000', 'EUR', 10_000_000],
    ['10000000', 'JPY', 10_000_000],
  ])('%j %s → %i', (typed, currency, amountMinor) => {
    expect(parseMoney(typed, currency)).toEqual({ ok: true, amountMinor });
  });

  it('stays exact where multiplying a float would not', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseMoney('0.29', 'EUR')).toEqual({ ok: true, amountMinor: 29 });
    expect(parseMoney('1.15', 'EUR')).toEqual({ ok: true, amountMinor: 115 });
  });

  it.each([
    ['abc', 'EUR', /such as 45\.00/],
    ['-5', 'EUR', /such as/],
    ['.', 'EUR', /such as/],
    ['1,000.00', 'USD', /such as/],
    ['4 5', 'EUR', /such as/],
    ['1e3', 'EUR', /such as 45\.00/],
    ['x', 'JPY', /such as 45$/],
    ['45.505', 'EUR', /at most 2 decimal places in EUR/],
    ['45.500', 'EUR', /at most 2 decimal places/],
    // A grouping comma is not silently read as a decimal point.
    ['1,000', 'EUR', /at most 2 decimal places/],
    ['1,000', 'JPY', /whole amount: JPY/],
    ['4500.00', 'JPY', /whole amount/],
    ['4.5', 'JPY', /whole amount: JPY/],
    ['100000.01', 'EUR', /at most/],
    ['10000001', 'JPY', /at most/],
    ['99999999999999999999', 'EUR', /at most/],
    ['5', 'EURO', /unknown currency/],
  ])('refuses %j in %s', (typed, currency, problem) => {
    const result = parseMoney(typed, currency);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});
