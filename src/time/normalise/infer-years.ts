import type { TimexDraft } from '../recognise/draft.js';

/**
 * Fills the year of yearless dates from the adjacent dated narrative (guideline §1): the nearest earlier DATE
 * with a year, when the yearless date does not fall before it in the calendar (`2013-09-01及9-29` → 2013-09-29).
 * A date earlier in the year than its predecessor could belong to the next year: that is ambiguous, so X stays.
 * `今年N月` takes the record's year: from `recordedAt` when given, else the latest written year of the record.
 */
export function inferYears(drafts: TimexDraft[], recordedAt: string | undefined): void {
  const dates = drafts.filter((d) => d.kind === 'DATE' && d.date).sort((a, b) => a.start - b.start);
  const recordYear = recordedAt ? Number(recordedAt.slice(0, 4)) : latestYear(dates);
  let last: { year: number; month: number; day: number } | null = null;
  for (const d of dates) {
    const f = d.date;
    if (!f) continue;
    if (f.year === null && f.yearOffset !== undefined && recordYear !== null) f.year = recordYear + f.yearOffset;
    else if (f.year === null && last !== null && f.month !== null) {
      const later = f.month > last.month || (f.month === last.month && (f.day ?? 31) >= last.day);
      if (later) f.year = last.year;
    }
    if (f.year !== null) last = { year: f.year, month: f.month ?? 1, day: f.day ?? 1 };
  }
}

function latestYear(dates: readonly TimexDraft[]): number | null {
  let best: number | null = null;
  for (const d of dates) {
    const y = d.date?.year ?? null;
    if (y !== null && d.date?.yearOffset === undefined && (best === null || y > best)) best = y;
  }
  return best;
}
