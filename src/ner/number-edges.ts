/**
 * Span post-processing: an entity never starts or ends inside a number (models/ERRORS.md, fix 5).
 *
 * A **number** is a maximal run of digits (ASCII 0-9 or full-width ０-９) in which a decimal point (`.` or `．`) may
 * stand between two digits: `0.9`, `250`, `72.4`, `１２`; `%`, `-`, `/` and letters are not part of it. An edge of a
 * span (end exclusive) is **inside** a number when the characters on both sides of it belong to the same number
 * (`text[start-1]` and `text[start]`, or `text[end-1]` and `text[end]`). Such an edge moves outward to the number's
 * edge: `0.[9%氯化钠注射液]` → `[0.9%氯化钠注射液]`. A moved span that would then share a character with another
 * span of the same head (both at their moved bounds) is dropped instead, so a head's spans stay disjoint and the
 * result does not depend on their order. A moved mention keeps its label and confidence; its text follows its bounds.
 *
 * Applied to each head's mentions after the window merge, before the heads are merged. The Python reference decoder
 * (models/train/oncotimeline_train/number_edges.py) applies the same rule; the parity test compares both live.
 * Offsets are UTF-16 here and code points there: digits and points are BMP characters, so both mark the same edges.
 *
 * @example snapNumberEdges('予0.9%氯化钠', [{ start: 3, end: 8, text: '9%氯化钠', … }]) → [{ start: 1, end: 8, text: '0.9%氯化钠', … }]
 */
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)*/gu;
const DIGIT = /[0-9０-９]/u;

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** For each UTF-16 unit of `text`, the index of the number it belongs to (-1: none); and each number's bounds. */
function numberRuns(text: string): { runOf: Int32Array; bounds: [number, number][] } {
  const runOf = new Int32Array(text.length).fill(-1);
  const bounds: [number, number][] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    runOf.fill(bounds.length, start, end);
    bounds.push([start, end]);
  }
  return { runOf, bounds };
}

/** The spans with every edge inside a number moved outward to it (see above), sorted by start, then end. */
export function snapNumberEdges<T extends TextSpan>(text: string, spans: readonly T[]): T[] {
  const byPosition = (a: T, b: T): number => a.start - b.start || a.end - b.end;
  if (spans.length === 0 || !DIGIT.test(text)) return [...spans].sort(byPosition);
  const { runOf, bounds } = numberRuns(text);
  const n = text.length;
  const inside = (edge: number): number => {
    if (edge <= 0 || edge >= n) return -1;
    const run = runOf[edge - 1] as number;
    return run >= 0 && run === runOf[edge] ? run : -1;
  };
  const moved = spans.map((span) => {
    const startRun = inside(span.start);
    const endRun = inside(span.end);
    const start = startRun >= 0 ? (bounds[startRun] as [number, number])[0] : span.start;
    const end = endRun >= 0 ? (bounds[endRun] as [number, number])[1] : span.end;
    return { span, start, end, changed: start !== span.start || end !== span.end };
  });
  if (!moved.some((m) => m.changed)) return [...spans].sort(byPosition);
  // Sorted by start, span i shares a character with another iff one before it ends after its start (prefix maximum of
  // the ends) or the next one starts before its end: O(n log n), for records with tens of thousands of entities.
  moved.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: T[] = [];
  let maxEnd = -Infinity;
  moved.forEach((m, i) => {
    const next = moved[i + 1];
    const overlaps = maxEnd > m.start || (next !== undefined && next.start < m.end);
    maxEnd = Math.max(maxEnd, m.end);
    if (!m.changed) out.push(m.span);
    else if (!overlaps) out.push({ ...m.span, start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  });
  return out;
}
