import type { AidItem } from '../dataset/schema';

export function formatAmount(amount: AidItem['amount']): string {
  if (!amount) return '—';
  const { value, currency } = amount;
  const unit = value >= 1e9 ? [1e9, ' billion'] : value >= 1e6 ? [1e6, ' million'] : [1, ''];
  const n = value / (unit[0] as number);
  const symbol = currency === 'USD' ? '$' : currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : `${currency} `;
  return `${symbol}${Number.isInteger(n) ? n : n.toFixed(1)}${unit[1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
