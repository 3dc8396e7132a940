/**
 * The schema's id and date formats and its record types, kept apart from the zod schema so the page
 * can use them without loading the validator (which loads alongside the dataset, not before it).
 */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const ISO_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Calendar check on top of the pattern: 2024-02-30 or 2024-13 are refused. */
export function isRealIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (y < 1 || y > 9999) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d >= 1 && d <= daysInMonth;
}

/** Compares two ISO dates at the precision both share ("2024-07" vs "2024-07-12" compares months). */
export function compareIsoDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const RECORD_TYPES = ['sources', 'actors', 'events', 'quotes', 'aid', 'discrepancies'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
