import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysInMonth, formatDay, fromDayNumber, isLeapYear, isValidDay, parseDay, toDayNumber, type CalendarDay,
} from '../../src/time/resolve/calendar.js';
import { seededRandom } from './helpers.js';

const random = seededRandom(20190101);
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const randomDay = (): CalendarDay => {
  const year = int(1900, 2100);
  const month = int(1, 12);
  return { year, month, day: int(1, daysInMonth(year, month)) };
};

describe('calendar basics', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2016, 2018, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2018, 2)).toBe(28);
    expect(daysInMonth(2018, 4)).toBe(30);
  });
  it('rejects impossible days', () => {
    expect(isValidDay({ year: 2018, month: 2, day: 30 })).toBe(false);
    expect(isValidDay({ year: 2018, month: 2, day: 29 })).toBe(false);
    expect(isValidDay({ year: 2016, month: 2, day: 29 })).toBe(true);
    expect(isValidDay({ year: 2018, month: 13, day: 1 })).toBe(false);
    expect(parseDay('2018-02-30')).toBeNull();
    expect(parseDay('2018-2-3')).toBeNull();
  });
  it('clamps month arithmetic to the month end', () => {
    const d = (s: string): CalendarDay => parseDay(s) as CalendarDay;
    expect(formatDay(addMonths(d('2018-01-31'), 1))).toBe('2018-02-28');
    expect(formatDay(addMonths(d('2016-01-31'), 1))).toBe('2016-02-29');
    expect(formatDay(addMonths(d('2018-03-31'), -1))).toBe('2018-02-28');
    expect(formatDay(addMonths(d('2016-02-29'), 12))).toBe('2017-02-28');
    expect(formatDay(addMonths(d('2018-11-15'), 3))).toBe('2019-02-15');
    expect(formatDay(addMonths(d('2018-02-15'), -3))).toBe('2017-11-15');
    expect(formatDay(addDays(d('2016-02-28'), 1))).toBe('2016-02-29');
    expect(formatDay(addDays(d('2018-12-31'), 1))).toBe('2019-01-01');
  });
});

describe('calendar properties (seeded)', () => {
  it('day numbers round-trip and are consecutive', () => {
    for (let i = 0; i < 2000; i++) {
      const day = randomDay();
      const n = toDayNumber(day);
      expect(fromDayNumber(n)).toEqual(day);
      expect(toDayNumber(addDays(day, 1))).toBe(n + 1);
    }
  });
  it('formatted days parse back', () => {
    for (let i = 0; i < 500; i++) {
      const day = randomDay();
      expect(parseDay(formatDay(day))).toEqual(day);
    }
  });
  it('adding then subtracting days is the identity', () => {
    for (let i = 0; i < 1000; i++) {
      const day = randomDay();
      const k = int(-5000, 5000);
      expect(addDays(addDays(day, k), -k)).toEqual(day);
    }
  });
  it('adding months always lands on a valid day in the right month, never past the original day', () => {
    for (let i = 0; i < 2000; i++) {
      const day = randomDay();
      const k = int(-60, 60);
      const out = addMonths(day, k);
      expect(isValidDay(out)).toBe(true);
      expect(out.year * 12 + out.month - (day.year * 12 + day.month)).toBe(k);
      expect(out.day).toBe(Math.min(day.day, daysInMonth(out.year, out.month)));
    }
  });
  it('adding months to a day ≤ 28 is reversible', () => {
    for (let i = 0; i < 1000; i++) {
      const day = { ...randomDay(), day: int(1, 28) };
      const k = int(-60, 60);
      expect(addMonths(addMonths(day, k), -k)).toEqual(day);
    }
  });
});

describe('offset properties (seeded)', () => {
  it('a day offset moves the reference by exactly that many days', async () => {
    const { offsetInterval } = await import('../../src/time/resolve/interval-math.js');
    const { parseDuration } = await import('../../src/time/resolve/iso-duration.js');
    for (let i = 0; i < 500; i++) {
      const day = randomDay();
      const k = int(0, 400);
      const ref = { start: formatDay(day), end: formatDay(day), precision: 'DAY' as const, approx: false };
      const back = offsetInterval(ref, parseDuration(`-P${k}D`) as never, false);
      expect(back && toDayNumber(parseDay(back.start) as CalendarDay)).toBe(toDayNumber(day) - k);
    }
  });
  it('a month offset lands in the month k months away and covers it whole', async () => {
    const { offsetInterval } = await import('../../src/time/resolve/interval-math.js');
    const { parseDuration } = await import('../../src/time/resolve/iso-duration.js');
    for (let i = 0; i < 500; i++) {
      const day = randomDay();
      const k = int(1, 36);
      const ref = { start: formatDay(day), end: formatDay(day), precision: 'DAY' as const, approx: false };
      const out = offsetInterval(ref, parseDuration(`-P${k}M`) as never, false);
      const s = parseDay(out?.start ?? '') as CalendarDay;
      const e = parseDay(out?.end ?? '') as CalendarDay;
      expect(day.year * 12 + day.month - (s.year * 12 + s.month)).toBe(k);
      expect(s.day).toBe(1);
      expect(e.day).toBe(daysInMonth(e.year, e.month));
      expect(out?.precision).toBe('MONTH');
    }
  });
});
