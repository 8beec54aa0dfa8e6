/**
 * Splits a record's text into runs for highlighting, by UTF-16 offsets (the API's offsets, which are JavaScript string
 * indices, so `text.slice(start, end)` is exactly the entity even around characters outside the BMP).
 *
 * @example
 *   segmentText('2018-03-13行左乳癌改良根治术', [{ start: 11, end: 19, kind: 'entity' }, { start: 0, end: 10, kind: 'timex' }])
 *   // [{ text: '2018-03-13', kinds: ['timex'] }, { text: '行', kinds: [] }, { text: '左乳癌改良根治术', kinds: ['entity'] }]
 */

export type MarkKind = 'entity' | 'timex';

export interface Mark {
  /** UTF-16 offset, inclusive. */
  start: number;
  /** UTF-16 offset, exclusive. */
  end: number;
  kind: MarkKind;
}

export interface Segment {
  text: string;
  /** The marks covering this run, in the order given (empty: plain text). */
  kinds: MarkKind[];
}

/** Runs covering `text` end to end; overlapping marks give runs with several kinds. Throws RangeError on a bad mark. */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  for (const mark of marks) validateMark(mark, text.length);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const kinds = marks.filter((m) => m.start <= from && to <= m.end).map((m) => m.kind);
    segments.push({ text: text.slice(from, to), kinds });
  }
  return segments;
}

function validateMark(mark: Mark, length: number): void {
  const ok = Number.isInteger(mark.start) && Number.isInteger(mark.end) && mark.start >= 0 && mark.start <= mark.end && mark.end <= length;
  if (!ok) {
    throw new RangeError(`expected a ${mark.kind} mark with integers 0 <= start <= end <= ${length}, got start ${mark.start}, end ${mark.end}`);
  }
}
