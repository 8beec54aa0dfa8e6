import type {
  EntityMention, EntityType, PriorEvent, ResolvedInterval, TimeLink, Timex, TimexResolution,
} from '../../domain/index.js';
import { addDays, formatDay, parseDay, weekStart } from './calendar.js';
import { anchorEntityTypes, VISIT_ANCHORS } from './anchor-types.js';
import { offsetInterval } from './interval-math.js';
import { parseDuration } from './iso-duration.js';
import { resolveDate } from './resolve-date.js';

export type { PriorEvent };

/** Input of `resolveTimeline`: `analyseTime`'s output plus the record date and the patient's earlier events. */
export interface ResolveTimelineInput {
  /** The record's reference date `YYYY-MM-DD` (admission or writing). */
  recordedAt: string;
  timexes: readonly Timex[];
  links: readonly TimeLink[];
  entities: readonly EntityMention[];
  priorEvents?: readonly PriorEvent[];
}

/** How far back (UTF-16 units) a visit anchor looks for the TIMEX that dates the visit (`4个月前因“腹痛2天”就诊`). */
const VISIT_WINDOW = 60;
const VISIT_WINDOW_AFTER = 20;

/**
 * Places every TIMEX on the calendar (guideline §1 values → intervals). DATE by its own fields; RELATIVE against
 * `recordedAt` (a deictic week, `下周`, as the whole Monday–Sunday week); EVENT_RELATIVE against its anchor: the nearest earlier entity of the anchor's type placed by its own
 * link, else the latest prior event of that type, else unresolved (ANCHOR_NOT_FOUND) — never guessed.
 * `resolveTimeline({ recordedAt: '2018-05-10', timexes: [{ id: 'T1', kind: 'RELATIVE', value: '-P3M', … }], … })` →
 * `[{ timexId: 'T1', interval: { start: '2018-02-01', end: '2018-02-28', precision: 'MONTH', approx: false } }]`
 */
export function resolveTimeline(input: ResolveTimelineInput): TimexResolution[] {
  const byId = new Map(input.timexes.map((t) => [t.id, t]));
  const done = new Map<string, TimexResolution>();
  const visiting = new Set<string>();
  const reference = parseDay(input.recordedAt);

  const resolve = (t: Timex): TimexResolution => {
    const known = done.get(t.id);
    if (known) return known;
    if (visiting.has(t.id)) return { timexId: t.id, interval: null, unresolvedReason: 'ANCHOR_NOT_FOUND' };
    visiting.add(t.id);
    const r = resolveOne(t);
    visiting.delete(t.id);
    done.set(t.id, r);
    return r;
  };

  const resolveOne = (t: Timex): TimexResolution => {
    if (t.kind === 'DURATION') return { timexId: t.id, interval: null, unresolvedReason: 'DURATION' };
    if (t.kind === 'DATE') return resolveDate(t);
    const offset = parseDuration(t.value);
    if (offset === null) return { timexId: t.id, interval: null, unresolvedReason: 'INVALID_DATE' };
    if (offset.unknown) return { timexId: t.id, interval: null, unresolvedReason: 'UNKNOWN_QUANTITY' };
    if (t.kind === 'RELATIVE') {
      if (reference === null) return { timexId: t.id, interval: null, unresolvedReason: 'INVALID_DATE' };
      if (t.calendarUnit === 'WEEK') {
        // `下周`: the whole calendar week (Monday to Sunday), not the day seven days on.
        const monday = addDays(weekStart(reference), offset.sign * offset.weeks * 7);
        return { timexId: t.id, interval: { start: formatDay(monday), end: formatDay(addDays(monday, 6)), precision: 'DAY', approx: t.approx } };
      }
      const ref: ResolvedInterval = { start: input.recordedAt, end: input.recordedAt, precision: 'DAY', approx: false };
      return { timexId: t.id, interval: offsetInterval(ref, offset, t.approx) };
    }
    const anchor = findAnchor(t);
    if (anchor === null) return { timexId: t.id, interval: null, unresolvedReason: 'ANCHOR_NOT_FOUND' };
    return { timexId: t.id, interval: offsetInterval(anchor.interval, offset, t.approx), anchorSource: anchor.source };
  };

  const linkOf = (e: EntityMention): TimeLink | undefined =>
    input.links.find((l) => l.entityStart === e.start && l.entityEnd === e.end);

  const findAnchor = (t: Timex): { interval: ResolvedInterval; source: 'RECORD' | 'PATIENT_TIMELINE' } | null => {
    const word = t.anchor ?? '';
    if (VISIT_ANCHORS.has(word)) {
      // The visit is dated by the DATE or RELATIVE written just before it (`2015-03-31因“黑便半年”就诊`).
      // …or, failing that, just after the complaint (`因“腹痛3月”于2014年4月就诊`).
      const placing = input.timexes.filter((o) => o.kind === 'DATE' || o.kind === 'RELATIVE');
      const before = placing.filter((o) => o.end <= t.start && t.start - o.end <= VISIT_WINDOW).sort((a, b) => b.start - a.start)[0];
      const after = placing.filter((o) => o.start >= t.end && o.start - t.end <= VISIT_WINDOW_AFTER).sort((a, b) => a.start - b.start)[0];
      const visitTime = before ?? after;
      const r = visitTime ? resolve(visitTime) : null;
      return r?.interval ? { interval: r.interval, source: 'RECORD' } : null;
    }
    const types = anchorEntityTypes(word);
    if (types.length === 0) return null;
    const candidate = [...input.entities]
      .filter((e) => types.includes(e.type) && e.start < t.end)
      .sort((a, b) => b.start - a.start)[0];
    const linked = candidate ? linkOf(candidate)?.timexId : null;
    const target = linked ? byId.get(linked) : undefined;
    if (target && target.id !== t.id) {
      const r = resolve(target);
      if (r.interval) return { interval: r.interval, source: 'RECORD' };
    }
    const prior = (input.priorEvents ?? [])
      .filter((p) => types.includes(p.type) && (reference === null || p.interval.start <= input.recordedAt))
      .sort((a, b) => (a.interval.start < b.interval.start ? 1 : a.interval.start > b.interval.start ? -1 : 0))[0];
    return prior ? { interval: prior.interval, source: 'PATIENT_TIMELINE' } : null;
  };

  return input.timexes.map(resolve);
}
