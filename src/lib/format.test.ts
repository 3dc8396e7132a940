import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatTotals, moneyFormatCode, plural, totalsByCurrency } from './format';

describe('formatAmount', () => {
  it('writes the full number with grouping below a million', () => {
    expect(formatAmount({ value: 850_000, currency: 'EUR' })).toBe('€850,000');
    expect(formatAmount({ value: 999_999, currency: 'USD' })).toBe('$999,999');
    expect(formatAmount({ value: 1_234.5, currency: 'USD' })).toBe('$1,234.50');
    expect(formatAmount({ value: 0, currency: 'GBP' })).toBe('£0');
  });

  it('writes millions and billions in words', () => {
    expect(formatAmount({ value: 18_500_000, currency: 'EUR' })).toBe('€18.5 million');
    expect(formatAmount({ value: 225_000_000, currency: 'USD' })).toBe('$225 million');
    expect(formatAmount({ value: 1_000_000, currency: 'USD' })).toBe('$1 million');
    expect(formatAmount({ value: 1_250_000_000, currency: 'USD' })).toBe('$1.25 billion');
    expect(formatAmount({ value: 40_000_000, currency: 'GBP' })).toBe('£40 million');
  });

  it('takes any ISO 4217 code, with its code where it has no sign of its own', () => {
    // The code is kept with its number by a no-break space.
    expect(formatAmount({ value: 2_500_000, currency: 'UAH' })).toBe('UAH\u00a02.5 million');
    expect(formatAmount({ value: 5_000, currency: 'CHF' })).toBe('CHF\u00a05,000');
    expect(formatAmount({ value: 5_000_000, currency: 'JPY' })).toBe('¥5 million');
    expect(formatAmount({ value: 12, currency: 'XTS' })).toBe('XTS\u00a012');
  });

  it('writes a dash for no amount', () => {
    expect(formatAmount(undefined)).toBe('—');
  });
});

describe('totalsByCurrency', () => {
  it('adds up each currency on its own, never across currencies', () => {
    const totals = totalsByCurrency([
      { value: 225e6, currency: 'USD' },
      undefined,
      { value: 850_000, currency: 'EUR' },
      { value: 25e6, currency: 'USD' },
      { value: 17_650_000, currency: 'EUR' },
    ]);
    expect(totals).toEqual([
      { value: 250e6, currency: 'USD' },
      { value: 18_500_000, currency: 'EUR' },
    ]);
    expect(formatTotals(totals)).toBe('$250 million and €18.5 million');
  });

  it('gives nothing for no amounts, and one total alone', () => {
    expect(totalsByCurrency([undefined])).toEqual([]);
    expect(formatTotals([])).toBe('');
    expect(formatTotals([{ value: 1, currency: 'EUR' }])).toBe('€1');
    expect(formatTotals(totalsByCurrency([1, 2, 3].map((value) => ({ value, currency: ['USD', 'EUR', 'GBP'][value - 1] }))))).toBe(
      '$1, €2 and £3',
    );
  });
});

describe('moneyFormatCode', () => {
  it('writes amounts in PowerPoint as formatAmount writes them on screen', () => {
    expect(moneyFormatCode('USD', [225e6])).toBe('[>=1000000]"$"#,##0,," million";"$"#,##0');
    expect(moneyFormatCode('EUR', [850_000, 18.5e6])).toBe('[>=1000000]"€"#,##0.0#,," million";"€"#,##0');
    expect(moneyFormatCode('EUR', [850_000])).toBe('"€"#,##0');
    expect(moneyFormatCode('USD', [1.25e9])).toBe('[>=1000000000]"$"#,##0.0#,,," billion";"$"#,##0');
  });
});

describe('counts', () => {
  it('groups thousands, and writes small and fractional counts as they are', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(-1234)).toBe('-1,234');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(2.5)).toBe('2.5');
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(12_345, 'discrepancy', 'discrepancies')).toBe('12,345 discrepancies');
  });
});
