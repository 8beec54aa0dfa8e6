import type { DateFields, TimexDraft } from '../recognise/draft.js';
import { addDays, addMonths, parseDay, type CalendarDay } from '../resolve/calendar.js';

/** A point on the calendar, month and day possibly unknown (compared as the start of what is known). */
interface Point {
  year: number;
  month: number | null;
  day: number | null;
}

/**
 * Fills the missing year (and month) of yearless DATEs (guideline §1, docs/time-annotation.md "Year inference"):
 * - relative to the record: `今年5月` (`yearOffset`), `上个月15号` (`monthOffset`), the clock of `昨晚|8点` (`dayOffset`)
 *   take `recordedAt`; without it `今年` takes the latest year written in the record and the others stay X;
 * - a yearless date (`9-29`, `于6月`, `于12号`) takes the earliest year (and month) that keeps the narrative in order,
 *   not before the nearest earlier dated TIMEX, and not after `recordedAt` — or, in a plan (`嘱…复查`), the first one
 *   on or after `recordedAt`. Without `recordedAt` only the earlier date's own year (month) is tried, so a date that
 *   runs backwards (`2015-11-20 … 2-3`) stays X.
 * `2013-09-01及9-29` → 2013-09-29; `于6月确诊` with recordedAt 2018-03-10 → 2017-06; `于12号` with 2018-06-01 → 2018-05-12.
 */
export function inferYears(drafts: TimexDraft[], recordedAt: string | undefined): void {
  const dates = drafts.filter((d) => d.kind === 'DATE' && d.date).sort((a, b) => a.start - b.start);
  const reference = recordedAt === undefined ? null : parseDay(recordedAt);
  const recordYear = reference ? reference.year : latestYear(dates);
  let last: Point | null = null;
  for (const d of dates) {
    const f = d.date;
    if (!f) continue;
    if (f.dayOffset !== undefined) {
      if (reference) setDay(f, addDays(reference, f.dayOffset));
    } else if (f.monthOffset !== undefined) {
      if (reference) {
        const month = addMonths({ ...reference, day: 1 }, f.monthOffset);
        f.year = month.year;
        f.month = month.month;
      }
    } else if (f.year === null && f.yearOffset !== undefined) {
      if (recordYear !== null) f.year = recordYear + f.yearOffset;
    } else if (f.year === null && (f.month !== null || f.day !== null)) {
      const found = inferYearless(f, last, reference);
      if (found) {
        f.year = found.year;
        f.month = found.month;
      }
    }
    if (f.year !== null && (f.month !== null || f.clock === null)) last = { year: f.year, month: f.month, day: f.day };
  }
}

function setDay(f: DateFields, day: CalendarDay): void {
  f.year = day.year;
  f.month = day.month;
  f.day = day.day;
}

/** Orders two points by what both state: (2018, 3, null) vs (2018, 3, 12) are equal at month precision. */
function compare(a: Point, b: Point): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === null || b.month === null) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === null || b.day === null) return 0;
  return a.day - b.day;
}

/** The candidates for a yearless date, earliest first: every year (or month, for a bare day) in a bounded window. */
function candidates(f: DateFields, from: number, to: number): Point[] {
  const out: Point[] = [];
  for (let y = from; y <= to; y++) {
    if (f.month !== null) out.push({ year: y, month: f.month, day: f.day });
    else for (let m = 1; m <= 12; m++) out.push({ year: y, month: m, day: f.day });
  }
  return out;
}

function inferYearless(f: DateFields, last: Point | null, reference: CalendarDay | null): { year: number; month: number | null } | null {
  const ref: Point | null = reference ? { year: reference.year, month: reference.month, day: reference.day } : null;
  if (f.month === null && (last === null || last.month === null) && ref === null) return null;
  let pool: Point[];
  if (ref === null) {
    // No reference: only the earlier date's own year (month), and only forward from it.
    if (last === null) return null;
    pool = f.month !== null ? [{ year: last.year, month: f.month, day: f.day }] : last.month !== null ? [{ year: last.year, month: last.month, day: f.day }] : [];
  } else {
    const from = Math.min(last?.year ?? ref.year, ref.year) - 1;
    pool = candidates(f, from, ref.year + 1);
  }
  const afterLast = (p: Point): boolean => last === null || compare(p, last) >= 0;
  if (ref === null) return pool.find(afterLast) ?? null;
  if (f.planned) return pool.find((p) => afterLast(p) && compare(p, ref) >= 0) ?? null;
  const allowed = pool.filter((p) => compare(p, ref) <= 0);
  // With an earlier date: the first that keeps the order; without: the last one before the reference.
  return (last !== null ? allowed.find(afterLast) : allowed[allowed.length - 1]) ?? null;
}

function latestYear(dates: readonly TimexDraft[]): number | null {
  let best: number | null = null;
  for (const d of dates) {
    const y = d.date?.year ?? null;
    if (y !== null && d.date?.yearOffset === undefined && (best === null || y > best)) best = y;
  }
  return best;
}
