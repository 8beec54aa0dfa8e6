import type { ResolvedInterval, TimePrecision } from '../../domain/index.js';
import { addDays, addMonths, daysInMonth, formatDay, parseDay, type CalendarDay } from './calendar.js';
import type { DurationParts } from './iso-duration.js';

const RANK: Readonly<Record<TimePrecision, number>> = { YEAR: 0, MONTH: 1, DAY: 2, MINUTE: 3 };

/** The coarser of two precisions: (DAY, MONTH) → MONTH. */
export function coarser(a: TimePrecision, b: TimePrecision): TimePrecision {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The finest unit a duration states: `P2Y` → YEAR, `P1M15D` → DAY, `PT2H` → DAY (intervals are whole days). */
export function durationPrecision(d: DurationParts): TimePrecision {
  const s = d.stated;
  if (s.has('W') || s.has('D') || s.has('H') || s.has('MIN') || s.has('S')) return 'DAY';
  if (s.has('M')) return 'MONTH';
  if (s.has('Y')) return 'YEAR';
  return 'DAY';
}

/** Shifts one day by a signed duration: years and months first (month-end clamped), then weeks, days and hours. */
export function shiftDay(day: CalendarDay, d: DurationParts): CalendarDay {
  const months = d.sign * (d.years * 12 + d.months);
  const shifted = addMonths(day, months);
  // Hours and minutes move whole days only when they add up to a day: intervals carry no clock.
  const wholeDays = d.weeks * 7 + d.days + Math.trunc((d.hours + d.minutes / 60 + d.seconds / 3600) / 24);
  return addDays(shifted, d.sign * wholeDays);
}

/** Widens `[start, end]` to whole calendar units of `precision` (`2015-05-10` at YEAR → 2015-01-01..2015-12-31). */
export function widenTo(start: CalendarDay, end: CalendarDay, precision: TimePrecision): [CalendarDay, CalendarDay] {
  if (precision === 'YEAR') return [{ year: start.year, month: 1, day: 1 }, { year: end.year, month: 12, day: 31 }];
  if (precision === 'MONTH') {
    return [{ ...start, day: 1 }, { year: end.year, month: end.month, day: daysInMonth(end.year, end.month) }];
  }
  return [start, end];
}

/**
 * An interval moved by an offset. The result is as coarse as the coarser of the two (`3年前` from a day → a year):
 * `(2018-03-12..2018-03-12 DAY) + P2Y` → 2020-01-01..2020-12-31 YEAR; `(2018-03 MONTH) + P10D` → 2018-03-11..2018-04-10 MONTH.
 */
export function offsetInterval(ref: ResolvedInterval, d: DurationParts, approx: boolean): ResolvedInterval | null {
  const s = parseDay(ref.start);
  const e = parseDay(ref.end);
  if (s === null || e === null) return null;
  const precision = coarser(ref.precision === 'MINUTE' ? 'DAY' : ref.precision, durationPrecision(d));
  const [ws, we] = widenTo(shiftDay(s, d), shiftDay(e, d), precision);
  return { start: formatDay(ws), end: formatDay(we), precision, approx: ref.approx || approx };
}
