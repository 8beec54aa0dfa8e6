/**
 * Timeline events → the lanes and items the chart draws. Pure (no DOM), so it is unit-tested in Node.
 *
 * How an event is drawn:
 * - a single day (DAY or MINUTE precision, start = end): a point at that day;
 * - an interval (MONTH/YEAR precision, or a resolved range such as 术后2年): a bar from its first to its last day;
 * - approximate (余, 约, 左右): the same with a dashed outline (class `approx`);
 * - undated (no time expression places it): a hollow point at its record's date (class `undated`);
 * - not simply present and about the patient (possible, absent, a relative's): a short mark after the label
 *   (`可能`, `无`, `家族`, `他人`), said in words in the tooltip, and classes `assertion-*` / `subject-*`.
 *
 * @example
 *   toChartModel([{ entity: { id: 'R1:11-19', type: 'SURGERY', text: '左乳癌改良根治术', … },
 *                   time: { start: '2018-03-13', end: '2018-03-13', precision: 'DAY', approx: false, undated: false }, … }])
 *   // { lanes: [{ id: 'SURGERY', … }], items: [{ id: 'R1:11-19', lane: 'SURGERY', kind: 'point',
 *   //   start: '2018-03-13', endExclusive: null, className: 'ev lane-SURGERY', marks: [], … }] }
 */
import { laneInfo, laneOrder } from './entity-types.js';
import type { TimelineEventData } from './timeline-data.js';

export interface ChartLane {
  id: string;
  zh: string;
  en: string;
  colour: string;
  count: number;
}

export interface ChartItem {
  /** The entity id, `<recordId>:<start>-<end>`. */
  id: string;
  lane: string;
  kind: 'point' | 'range';
  /** First day, YYYY-MM-DD. */
  start: string;
  /** The day after the last day (ranges only): a bar covers its last day whole. */
  endExclusive: string | null;
  text: string;
  className: string;
  /** Qualifiers drawn after the label, e.g. `[{ kind: 'POSSIBLE', text: '可能' }]`; empty for a present, patient event. */
  marks: ChartMark[];
  /** Plain text for the hover tooltip (the chart escapes it). */
  tooltip: string;
}

export interface ChartMark {
  /** The Assertion or Subject value it stands for. */
  kind: string;
  text: string;
}

/** How the chart marks an assertion or subject other than PRESENT / PATIENT: short Chinese mark, English words. */
export const QUALIFIERS: Readonly<Record<string, { mark: string; words: string }>> = {
  POSSIBLE: { mark: '可能', words: 'possible' },
  ABSENT: { mark: '无', words: 'absent (denied)' },
  FAMILY: { mark: '家族', words: 'family history' },
  OTHER: { mark: '他人', words: 'about someone else' },
};

export interface ChartModel {
  lanes: ChartLane[];
  items: ChartItem[];
}

export function toChartModel(events: readonly TimelineEventData[]): ChartModel {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.entity.type, (counts.get(event.entity.type) ?? 0) + 1);
  const lanes = laneOrder(counts.keys()).map((id) => ({ id, ...laneInfo(id), count: counts.get(id) ?? 0 }));
  return { lanes, items: events.map(toChartItem) };
}

function toChartItem(event: TimelineEventData): ChartItem {
  const { time, entity } = event;
  const undated = event.undated || time.undated;
  const range = !undated && time.start !== time.end;
  const classes = ['ev', `lane-${entity.type}`];
  if (undated) classes.push('undated');
  if (time.approx) classes.push('approx');
  const qualifiers: string[] = [];
  if (entity.assertion && entity.assertion !== 'PRESENT') {
    classes.push(`assertion-${entity.assertion}`);
    qualifiers.push(entity.assertion);
  }
  if (entity.subject && entity.subject !== 'PATIENT') {
    classes.push(`subject-${entity.subject}`);
    qualifiers.push(entity.subject);
  }
  const marks = qualifiers.map((kind) => ({ kind, text: QUALIFIERS[kind]?.mark ?? kind }));
  const words = qualifiers.map((kind) => QUALIFIERS[kind]?.words ?? kind.toLowerCase());
  return {
    id: entity.id,
    lane: entity.type,
    kind: range ? 'range' : 'point',
    start: time.start,
    endExclusive: range ? addDays(time.end, 1) : null,
    text: entity.text,
    className: classes.join(' '),
    marks,
    tooltip: [entity.text, ...words, describeTime(event)].join(' · '),
  };
}

/**
 * How a reader should take an event's date, in words.
 *
 * @example
 *   describeTime({ undated: true, time: { start: '2018-03-10', … }, … })  // 'undated (record of 2018-03-10)'
 *   describeTime({ time: { start: '2018-03-01', end: '2018-03-31', precision: 'MONTH', approx: true }, … })
 *   // '≈ 2018-03-01 – 2018-03-31 (MONTH)'
 */
export function describeTime(event: Pick<TimelineEventData, 'undated' | 'time' | 'record'>): string {
  const { time } = event;
  if (event.undated || time.undated) return `undated (record of ${event.record.recordedAt})`;
  const span = time.start === time.end ? time.start : `${time.start} – ${time.end}`;
  return `${time.approx ? '≈ ' : ''}${span} (${time.precision})`;
}

/** A local-time Date at midnight of a CalendarDate (the chart's axis is in local days; no time zone shifts a day). */
export function calendarDateToLocal(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`expected a CalendarDate YYYY-MM-DD, got ${JSON.stringify(day)}`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** `addDays('2018-02-28', 1)` → `'2018-03-01'` (UTC arithmetic, so daylight saving never skips a day). */
export function addDays(day: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`expected a CalendarDate YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

/**
 * The window that shows every item, in epoch ms of local days: a little room on the left, more on the right, where
 * point labels run past their day; at least a week wide.
 *
 * @example
 *   viewWindow([{ start: '2018-03-13', endExclusive: null }, { start: '2018-03-20', endExclusive: null }])
 *   // { start: 2018-03-12 14:24 local, end: 2018-03-23 09:36 local } as epoch ms
 */
export function viewWindow(items: readonly Pick<ChartItem, 'start' | 'endExclusive'>[]): { start: number; end: number } | null {
  if (items.length === 0) return null;
  let [low, high] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const item of items) {
    low = Math.min(low, calendarDateToLocal(item.start).getTime());
    high = Math.max(high, calendarDateToLocal(item.endExclusive ?? addDays(item.start, 1)).getTime());
  }
  const span = Math.max(high - low, WEEK_MS);
  return { start: low - span * 0.05, end: high + span * 0.2 };
}

const WEEK_MS = 7 * 86_400_000;
