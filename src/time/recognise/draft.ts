import type { TimexKind } from '../../domain/time.js';

/** Calendar fields read from a DATE expression; null year = not written (inferred later). */
export interface DateFields {
  year: number | null;
  /** `今年` / `去年`: year relative to the record, resolved with the other yearless dates. */
  yearOffset?: number;
  month: number | null;
  day: number | null;
  clock: { hour: number; minute: number } | null;
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
}
