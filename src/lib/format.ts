/** An amount in one currency (ISO 4217 code); the dataset's Amount has this shape. */
export interface Money {
  value: number;
  currency: string;
}

const MONEY_LOCALE = 'en-US';
const formatters = new Map<string, { full: Intl.NumberFormat; whole: Intl.NumberFormat; symbol: Intl.NumberFormatPart[] }>();
// Engines write compact currency short ("$40M") whatever compactDisplay says, so the long words
// come from a plain compact number and the currency sign is put around it as the locale places it.
const compactWords = new Intl.NumberFormat(MONEY_LOCALE, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 });

function formattersOf(currency: string) {
  let f = formatters.get(currency);
  if (!f) {
    const full = new Intl.NumberFormat(MONEY_LOCALE, { style: 'currency', currency });
    const whole = new Intl.NumberFormat(MONEY_LOCALE, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    f = { full, whole, symbol: whole.formatToParts(1) };
    formatters.set(currency, f);
  }
  return f;
}

/**
 * Money in its own currency: the full number with grouping below a million ("€850,000"), long
 * compact words from a million up ("€18.5 million", "$40 million", "$1.25 billion").
 */
export function formatAmount(amount: Money | undefined): string {
  if (!amount) return '—';
  const { value, currency } = amount;
  let f: ReturnType<typeof formattersOf>;
  try {
    f = formattersOf(currency);
  } catch {
    return `${currency} ${value.toLocaleString(MONEY_LOCALE)}`;
  }
  if (Math.abs(value) < 1e6) return (Number.isInteger(value) ? f.whole : f.full).format(value);
  const words = compactWords.format(value);
  let placed = false;
  return f.symbol
    .map((p) => {
      if (p.type === 'currency' || p.type === 'literal') return p.value;
      if (placed) return '';
      placed = true;
      return words;
    })
    .join('');
}

/** Totals per currency, in order of first appearance; amounts in different currencies are never added up. */
export function totalsByCurrency(amounts: Iterable<Money | undefined>): Money[] {
  const totals = new Map<string, number>();
  for (const a of amounts) if (a) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.value);
  return [...totals].map(([currency, value]) => ({ value, currency }));
}

/** "$40 million and €18.5 million"; empty when there is nothing to total. */
export function formatTotals(totals: readonly Money[]): string {
  const parts = totals.map(formatAmount);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const counts = new Intl.NumberFormat('en-GB');

/** A count as the page writes it: "1,234". */
export function formatCount(n: number): string {
  // Most counts need no separator; the formatter is the slow part of drawing a list of them.
  return Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : counts.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * A spreadsheet number format (PowerPoint, Excel) that writes amounts of one currency as
 * formatAmount does: "€850,000" below a million, "$225 million" from a million up.
 */
export function moneyFormatCode(currency: string, values: readonly number[]): string {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = formattersOf(currency).symbol;
  } catch {
    parts = [
      { type: 'literal', value: `${currency} ` },
      { type: 'integer', value: '1' },
    ];
  }
  const at = parts.findIndex((p) => p.type === 'integer');
  const lit = (ps: Intl.NumberFormatPart[]) => {
    const text = ps.map((p) => p.value).join('');
    return text ? `"${text.replace(/"/g, '')}"` : '';
  };
  const [before, after] = [lit(parts.slice(0, Math.max(0, at))), lit(parts.slice(at + 1))];
  const millions = values.filter((v) => Math.abs(v) >= 1e6);
  const billions = millions.some((v) => Math.abs(v) >= 1e9);
  const scaled = millions.map((v) => v / (billions ? 1e9 : 1e6));
  const decimals = scaled.some((v) => Math.abs(v - Math.round(v)) > 1e-9) ? '.0#' : '';
  const big = `${before}#,##0${decimals}${billions ? ',,,' : ',,'}" ${billions ? 'billion' : 'million'}"${after}`;
  const small = `${before}#,##0${after}`;
  if (!millions.length) return small;
  return `[>=${billions ? 1e9 : 1e6}]${big};${small}`;
}
