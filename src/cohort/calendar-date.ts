/**
 * Whether a value is an existing calendar day written `YYYY-MM-DD`, the form every date of the graph is stored in
 * (so string order is date order). The API checks this with its `CalendarDate` scalar; the cohort module checks it
 * again for criteria that arrive as JSON files.
 *
 * @example
 *   isCalendarDate('2020-02-29')  // true
 *   isCalendarDate('2018-02-30')  // false
 */
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
