import type { TimexKind } from '../../domain/index.js';

/** Calendar fields read from a DATE expression; null = not written (inferred later, else X). */
export interface DateFields {
  year: number | null;
  /** `今年` / `去年`: year relative to the record, resolved with the other yearless dates. */
  yearOffset?: number;
  month: number | null;
  /** `上个月15号`, `本月9日`: month relative to the record's reference date. */
  monthOffset?: number;
  day: number | null;
  /** A clock after a deictic day (`昨晚|8点`): the day relative to the record's reference date. */
  dayOffset?: number;
  clock: { hour: number; minute: number } | null;
  /** Written in a plan (`嘱…复查`): a yearless date is the next one after the reference, not the last one before. */
  planned?: boolean;
}

/** A TIMEX before ids are assigned. DATE drafts carry their fields until year inference fills `value`. */
export interface TimexDraft {
  start: number;
  end: number;
  kind: TimexKind;
  value: string;
  anchor?: string;
  approx: boolean;
  date?: DateFields;
  /** Deictics that name a calendar unit (`下周`, `本月`): resolved to that whole unit. */
  calendarUnit?: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
}
