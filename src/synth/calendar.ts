/**
 * Date arithmetic on `YYYY-MM-DD` strings (UTC, no time zone), and the intervals of coarse dates.
 *
 * @example
 *   addDays('2018-02-27', 2)    // '2018-03-01'
 *   monthOf('2018-02-14')       // { start: '2018-02-01', end: '2018-02-28' }
 */
const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function monthOf(date: string): { start: string; end: string } {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${date.slice(0, 7)}-01`, end: `${date.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

export function yearOf(date: string): { start: string; end: string } {
  return { start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` };
}

/** How the records write a date: `2018年3月12日`. */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
