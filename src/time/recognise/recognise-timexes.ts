import type { EntityMention, Timex } from '../../domain/index.js';
import { formatDate } from '../normalise/date-value.js';
import { inferYears } from '../normalise/infer-years.js';
import type { TimexDraft } from './draft.js';
import { findBareClocks } from './find-clocks.js';
import { findDates } from './find-dates.js';
import { findListedMonths } from './find-yearless-dates.js';
import { findDeictics, findSameDayOffsets } from './find-deictics.js';
import { findQuantities } from './find-quantities.js';
import { foldText } from './fold-text.js';
import { findQuotes } from './quotes.js';

/**
 * Recognises and normalises every TIMEX of a text (guideline §1). Offsets are UTF-16 code units.
 * `recognizeTimexes('患者3月前于2018-03-12行手术', [])` →
 * `[{id:'T1', text:'3月前', kind:'RELATIVE', value:'-P3M'}, {id:'T2', text:'2018-03-12', kind:'DATE', value:'2018-03-12'}]`
 */
export function recogniseTimexes(text: string, entities: readonly EntityMention[], recordedAt?: string): Timex[] {
  const folded = foldText(text);
  const quotes = findQuotes(folded);
  const dates = findDates(folded);
  const candidates = [
    ...dates,
    ...findListedMonths(folded, dates),
    ...findBareClocks(folded),
    ...findDeictics(folded),
    ...findSameDayOffsets(folded),
    ...findQuantities(folded, entities, quotes),
  ];
  const kept = chooseNonOverlapping(candidates);
  inferYears(kept, recordedAt);
  return kept.map((d, i) => toTimex(d, i, text));
}

/** Earliest start first, then the longest; a DATE wins a tie. Overlapping later candidates are dropped. */
function chooseNonOverlapping(candidates: readonly TimexDraft[]): TimexDraft[] {
  const sorted = [...candidates].sort(
    (a, b) => a.start - b.start || b.end - a.end || Number(b.kind === 'DATE') - Number(a.kind === 'DATE'),
  );
  const kept: TimexDraft[] = [];
  let end = -1;
  for (const c of sorted) {
    if (c.start < end) continue;
    kept.push(c);
    end = c.end;
  }
  return kept;
}

function toTimex(d: TimexDraft, i: number, text: string): Timex {
  const value = d.kind === 'DATE' && d.date ? formatDate(d.date) : d.value;
  const t: Timex = { id: `T${i + 1}`, start: d.start, end: d.end, text: text.slice(d.start, d.end), kind: d.kind, value, approx: d.approx };
  if (d.kind === 'EVENT_RELATIVE' && d.anchor !== undefined) t.anchor = d.anchor;
  if (d.calendarUnit !== undefined) t.calendarUnit = d.calendarUnit;
  return t;
}
