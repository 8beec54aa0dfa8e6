import type { EntityType } from './entity.js';

/** Time-expression kinds, per docs/time-annotation.md §1. */
export type TimexKind = 'DATE' | 'RELATIVE' | 'EVENT_RELATIVE' | 'DURATION';

/** Precision of a resolved interval. */
export type TimePrecision = 'YEAR' | 'MONTH' | 'DAY' | 'MINUTE';

/** A recognised and normalised time expression. Offsets: UTF-16 code units, end exclusive. */
export interface Timex {
  id: string; // 'T1', 'T2', ... in text order
  start: number;
  end: number;
  text: string;
  kind: TimexKind;
  /** ISO partial date (DATE), signed ISO duration (RELATIVE/EVENT_RELATIVE), unsigned duration (DURATION). */
  value: string;
  /** EVENT_RELATIVE only: the anchor event word as written (`术`, `化疗`). */
  anchor?: string;
  approx: boolean;
  /**
   * Deictics only (`下周`, `本月`, `明年`, `昨天`): the calendar unit the word names, so the resolved interval is that
   * whole unit (`下周` from Wed 2018-03-14 → Mon 2018-03-19..Sun 2018-03-25), not the day an offset lands on.
   */
  calendarUnit?: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
}

/** A calendar interval a TIMEX (or an event) resolves to; dates are `YYYY-MM-DD`, both ends inclusive. */
export interface ResolvedInterval {
  start: string;
  end: string;
  precision: TimePrecision;
  approx: boolean;
}

/** Why a TIMEX could not be placed on the calendar. */
export type UnresolvedReason =
  | 'INVALID_DATE' // e.g. 2018-02-30
  | 'UNKNOWN_YEAR' // XXXX-07-30 with no dated context
  | 'UNKNOWN_QUANTITY' // -PXY
  | 'ANCHOR_NOT_FOUND' // EVENT_RELATIVE whose anchor event has no resolved time
  | 'DURATION'; // durations are lengths, not points

export interface TimexResolution {
  timexId: string;
  interval: ResolvedInterval | null;
  unresolvedReason?: UnresolvedReason;
  /** For EVENT_RELATIVE: how the anchor was found. */
  anchorSource?: 'RECORD' | 'PATIENT_TIMELINE';
}

/** An event already on the patient's timeline (from earlier records): what relative times (术后) anchor to. */
export interface PriorEvent {
  type: EntityType;
  text: string;
  interval: ResolvedInterval;
}

/** Entity → TIMEX link (timexId null = no TIMEX places it; the timeline uses the record's reference date). */
export interface TimeLink {
  entityStart: number;
  entityEnd: number;
  timexId: string | null;
}
