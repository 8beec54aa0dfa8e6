import { EVENT_TYPES, type EntityMention, type TimeLink, type Timex } from '../../domain/index.js';
import { findQuotes, quoteAt, type QuoteSpan } from '../recognise/quotes.js';
import { isCurrentStateDiagnosis } from './current-state.js';
import { groupLeaders } from './date-groups.js';
import { sentenceAt, splitSentences, type Span } from './sentences.js';

/** Text between an event and a TIMEX that gives that event's own time (`行手术于DATE`, `病史5年`, `术（DATE）`). */
const OWN_TIME_GAP = /^[”"」]?\s*(?:(?:于|在|病史|史|（|\()\s*)?$/;
const CLAUSE_BREAK = /[，,：:。；;！？\n]/;

/**
 * Links every event entity to the TIMEX that places it, per guideline §2 and the README decisions:
 * a closely following TIMEX of the event's own clause first, then none for current-state diagnoses, then the
 * latest earlier TIMEX of the sentence (DURATION excluded; a quoted TIMEX only for events in its quote; a list or
 * range as its first date). Entities of non-event types get no link entry.
 * `linkEntities('2018-03-12行手术', [T1 2018-03-12], [手术 at 11])` → `[{entityStart: 11, entityEnd: 13, timexId: 'T1'}]`
 */
export function linkEntities(text: string, timexes: readonly Timex[], entities: readonly EntityMention[]): TimeLink[] {
  const sentences = splitSentences(text);
  const quotes = findQuotes(text);
  const events = entities.filter((e) => EVENT_TYPES.has(e.type)).sort((a, b) => a.start - b.start);
  const placing = timexes.filter((t) => t.kind !== 'DURATION');
  const leaders = groupLeaders(text, placing, events);
  return events.map((e) => {
    const sentence = sentenceAt(sentences, e.start) ?? { start: 0, end: text.length };
    const t = placeEvent(text, e, sentence, placing, events, quotes, leaders);
    return { entityStart: e.start, entityEnd: e.end, timexId: t ? t.id : null };
  });
}

function placeEvent(
  text: string,
  e: EntityMention,
  sentence: Span,
  placing: readonly Timex[],
  events: readonly EntityMention[],
  quotes: readonly QuoteSpan[],
  leaders: ReadonlyMap<string, Timex>,
): Timex | null {
  const following = closelyFollowing(text, e, sentence, placing, events);
  if (following) return following;
  if (isCurrentStateDiagnosis(text, e, sentence.start)) return null;
  const eventQuote = quoteAt(quotes, e.start);
  let governing: Timex | null = null;
  for (const t of placing) {
    if (t.start < sentence.start || t.end > e.start || t.start >= sentence.end) continue;
    const q = quoteAt(quotes, t.start);
    if (q && q !== eventQuote) continue; // a quoted complaint's TIMEX governs only inside its quote
    if (governing === null || t.start > governing.start) governing = t;
  }
  return governing ? (leaders.get(governing.id) ?? governing) : null;
}

/** The TIMEX right after the event in its clause that gives the event's own time, if any (README decision 2). */
function closelyFollowing(
  text: string,
  e: EntityMention,
  sentence: Span,
  placing: readonly Timex[],
  events: readonly EntityMention[],
): Timex | null {
  const next = placing.filter((t) => t.start >= e.end && t.start < sentence.end).sort((a, b) => a.start - b.start)[0];
  if (!next) return null;
  const gap = text.slice(e.end, next.start);
  // An offset carrying its own event word places another event, unless the entity is that word's object
  // (`升血小板|治疗3天后`, `确诊乙肝肝硬化|4年余`).
  if (next.kind === 'EVENT_RELATIVE' && gap !== '') return null;
  if (CLAUSE_BREAK.test(gap) || !OWN_TIME_GAP.test(gap)) return null;
  if (events.some((o) => o !== e && o.start >= e.end && o.start < next.start)) return null;
  return next;
}
