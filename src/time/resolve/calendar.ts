/** A calendar day. Months and days are 1-based. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Gregorian leap year: 2016 → true, 1900 → false, 2000 → true. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month: (2016, 2) → 29, (2018, 2) → 28. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Whether a day exists: 2016-02-29 → true, 2018-02-29 → false, 2018-13-01 → false. */
export function isValidDay(d: CalendarDay): boolean {
  return Number.isInteger(d.year) && d.year >= 1 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Whole days since 0001-01-01 (proleptic Gregorian), for day arithmetic without time zones. */
export function toDayNumber(d: CalendarDay): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const m = d.month <= 2 ? d.month + 12 : d.month;
  return 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + Math.floor((153 * (m - 3) + 2) / 5) + d.day - 307;
}

/** Inverse of `toDayNumber`: toDayNumber(2018-03-12) → back to 2018-03-12. */
export function fromDayNumber(n: number): CalendarDay {
  // Year estimate, then correction steps: exact for every positive day number.
  let year = Math.floor((n + 306) / 365.2425) + 1;
  while (toDayNumber({ year, month: 1, day: 1 }) > n) year--;
  while (toDayNumber({ year: year + 1, month: 1, day: 1 }) <= n) year++;
  let month = 1;
  while (month < 12 && toDayNumber({ year, month: month + 1, day: 1 }) <= n) month++;
  return { year, month, day: n - toDayNumber({ year, month, day: 1 }) + 1 };
}

/** Adds days (negative allowed): 2016-02-28 + 1 → 2016-02-29. */
export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(toDayNumber(d) + days);
}

/**
 * Adds calendar months, clamping to the month's last day: 2018-01-31 + 1 → 2018-02-28, 2016-01-31 + 1 → 2016-02-29,
 * 2018-03-31 − 1 → 2018-02-28.
 */
export function addMonths(d: CalendarDay, months: number): CalendarDay {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

const MONDAY = toDayNumber({ year: 2018, month: 3, day: 12 });

/** The Monday that starts the ISO week holding `d`: Wed 2018-03-14 → Mon 2018-03-12; Sun 2018-03-18 → 2018-03-12. */
export function weekStart(d: CalendarDay): CalendarDay {
  // Weekdays repeat every 7 days from any known Monday (2018-03-12).
  const n = toDayNumber(d);
  return fromDayNumber(n - ((((n - MONDAY) % 7) + 7) % 7));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD`. */
export function formatDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Parses `YYYY-MM-DD`; null if malformed or not a real day. */
export function parseDay(s: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(d) ? d : null;
}
