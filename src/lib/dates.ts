/** How much of a date the sources support; the schema's `precision` takes these values. */
export const DATE_PRECISIONS = ['day', 'weekday', 'month', 'year', 'approximate'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A date as the schema carries it (see FuzzyDate in src/dataset/schema.ts). */
interface FuzzyDate {
  value: string;
  precision: DatePrecision;
  as?: string;
}

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Date.UTC with years 0–99 taken as written: Date.UTC itself reads them as 1900–1999. */
function utcMs(year: number, monthIndex: number, day: number): number {
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, day);
  return at.getTime();
}

/** Days since 1970-01-01 (UTC) of the first day an ISO date of any precision covers. */
export function isoToDay(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.floor(utcMs(y, m - 1, d) / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The span of days a fuzzy date covers: a month-precise date covers its whole month. */
export function dateSpan(date: FuzzyDate, end?: FuzzyDate): [number, number] {
  const start = isoToDay(date.value);
  const last = end ?? date;
  return [start, lastDayOf(last)];
}

function lastDayOf(date: FuzzyDate): number {
  const parts = date.value.split('-').map(Number);
  const slack = date.precision === 'approximate' ? 7 : 0;
  if (parts.length === 1) return isoToDay(`${parts[0] + 1}-01-01`) - 1;
  if (parts.length === 2 || date.precision === 'month') {
    const [y, m] = parts;
    return Math.floor(utcMs(y, m, 1) / DAY_MS) - 1 + slack;
  }
  return isoToDay(date.value) + slack;
}

function plain(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y);
  if (d === undefined) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The one place dates become words. Approximate dates look approximate; weekday-only dates say so. */
export function formatDate(date: FuzzyDate): string {
  const text = plain(date.precision === 'month' ? date.value.slice(0, 7) : date.precision === 'year' ? date.value.slice(0, 4) : date.value);
  switch (date.precision) {
    case 'approximate':
      return `c. ${text}`;
    case 'weekday':
      return `${text} (“${date.as ?? 'weekday only'}”)`;
    default:
      return text;
  }
}

export function formatDateRange(date: FuzzyDate, end?: FuzzyDate): string {
  return end && end.value !== date.value ? `${formatDate(date)} – ${formatDate(end)}` : formatDate(date);
}

/** Short label of a day number for chart axes: "12 Jul 2024". */
export function formatDay(day: number): string {
  return plain(dayToIso(day));
}

/** Calendar ticks between two day numbers: days, weeks, months or years, whichever gives at most `count`. */
export function calendarTicks(lo: number, hi: number, count: number): { day: number; label: string }[] {
  if (!(hi > lo) || count < 1) return [];
  for (const step of [1, 2, 7, 14]) {
    if ((hi - lo) / step > count) continue;
    const ticks: { day: number; label: string }[] = [];
    // Weeks start on Mondays (day 4 since 1970-01-01 was one).
    const first = step >= 7 ? lo + ((((4 - lo) % 7) + 7) % 7) : Math.ceil(lo / step) * step;
    for (let d = first; d <= hi; d += step) ticks.push({ day: d, label: formatDay(d) });
    return ticks;
  }
  const [y0, m0] = dayToIso(lo).split('-').map(Number);
  for (const months of [1, 2, 3, 6, 12, 24, 60, 120]) {
    const ticks: { day: number; label: string }[] = [];
    let m = Math.ceil((y0 * 12 + m0 - 1) / months) * months;
    for (;;) {
      const iso = `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
      const day = isoToDay(iso);
      if (day > hi) break;
      if (day >= lo) ticks.push({ day, label: months >= 12 ? iso.slice(0, 4) : plain(iso) });
      m += months;
    }
    if (ticks.length <= count) return ticks;
  }
  return [];
}
