import type { DateFields, TimexDraft } from './draft.js';

/** A date shape: its pattern (global) and how to read its fields from the named groups (null: not a date). */
export interface DatePattern {
  re: RegExp;
  read(g: Record<string, string | undefined>): DateFields | null;
}

/** Runs one pattern over the text, adding a DATE draft per readable match. */
export function collect(text: string, p: DatePattern, out: TimexDraft[]): void {
  p.re.lastIndex = 0;
  for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
    const fields = p.read(m.groups ?? {});
    if (fields !== null) out.push({ start: m.index, end: m.index + m[0].length, kind: 'DATE', value: '', approx: false, date: fields });
    if (m[0] === '') p.re.lastIndex++;
  }
}
