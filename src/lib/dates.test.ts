import { describe, expect, it } from 'vitest';
import { calendarTicks, dateSpan, dayToIso, formatDate, isoToDay } from './dates';

describe('dates', () => {
  it('round-trips days and ISO strings', () => {
    expect(dayToIso(isoToDay('2024-07-12'))).toBe('2024-07-12');
    expect(isoToDay('2024-07')).toBe(isoToDay('2024-07-01'));
  });

  it('gives a month-precise date the whole month', () => {
    const [a, b] = dateSpan({ value: '2024-02', precision: 'month' });
    expect(dayToIso(a)).toBe('2024-02-01');
    expect(dayToIso(b)).toBe('2024-02-29');
  });

  it('spans from start to end of a multi-day event', () => {
    const [a, b] = dateSpan({ value: '2024-07-09', precision: 'day' }, { value: '2024-07-11', precision: 'day' });
    expect(b - a).toBe(2);
  });

  it('shows precision in words', () => {
    expect(formatDate({ value: '2024-07-12', precision: 'day' })).toBe('12 Jul 2024');
    expect(formatDate({ value: '2023-03', precision: 'month' })).toBe('Mar 2023');
    expect(formatDate({ value: '2024-06-23', precision: 'approximate' })).toBe('c. 23 Jun 2024');
    expect(formatDate({ value: '2024-06-25', precision: 'weekday', as: 'Tuesday' })).toBe('25 Jun 2024 (“Tuesday”)');
    expect(formatDate({ value: '2026-01-01', precision: 'year' })).toBe('2026');
  });
});

describe('years 1–99', () => {
  it('are the years written, not 1901–1999', () => {
    expect(dayToIso(isoToDay('0050-01-01'))).toBe('0050-01-01');
    expect(isoToDay('0050-06-15')).toBeLessThan(isoToDay('1950-06-15'));
    expect(dayToIso(isoToDay('0001-03'))).toBe('0001-03-01');
    const [a, b] = dateSpan({ value: '0099', precision: 'year' });
    expect([dayToIso(a), dayToIso(b)]).toEqual(['0099-01-01', '0099-12-31']);
    const [c, d] = dateSpan({ value: '0004-02', precision: 'month' });
    expect([dayToIso(c), dayToIso(d)]).toEqual(['0004-02-01', '0004-02-29']);
  });
});

describe('calendarTicks', () => {
  it('puts calendar ticks on days, Mondays, months or years, at most as many as asked', () => {
    const week = calendarTicks(isoToDay('2024-06-20'), isoToDay('2024-07-31'), 8);
    expect(week.length).toBeLessThanOrEqual(8);
    expect(week.every((t) => new Date(t.day * 86_400_000).getUTCDay() === 1)).toBe(true);
    expect(week[0].label).toBe('24 Jun 2024');
    const months = calendarTicks(isoToDay('2024-01-10'), isoToDay('2024-12-20'), 6);
    expect(months.map((t) => t.label)).toEqual(['Mar 2024', 'May 2024', 'Jul 2024', 'Sep 2024', 'Nov 2024']);
    const years = calendarTicks(isoToDay('2014-02-01'), isoToDay('2024-12-31'), 6);
    expect(years.map((t) => t.label)).toEqual(['2016', '2018', '2020', '2022', '2024']);
    expect(calendarTicks(5, 5, 6)).toEqual([]);
    expect(calendarTicks(0, 3, 6).map((t) => t.day)).toEqual([0, 1, 2, 3]);
  });
});
