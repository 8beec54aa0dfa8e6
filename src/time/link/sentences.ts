/** A sentence as `[start, end)` in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

const PARAGRAPH = '\\U0004';

/**
 * Splits a record into guideline §2 sentences: they end at `。！？`, a line break, a literal `\U0004` mark, and at
 * `；`/`;` unless a `：` has opened an enumeration earlier in the same sentence (`出院诊断：1.左乳癌；2.高血压` is one).
 * ASCII `.` never ends a sentence. The enumeration runs to the next hard end (README decision 1).
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let colon = false;
  let i = 0;
  while (i < text.length) {
    if (text.startsWith(PARAGRAPH, i)) {
      if (i > start) out.push({ start, end: i });
      i += PARAGRAPH.length;
      start = i;
      colon = false;
      continue;
    }
    const c = text[i];
    if (c === '。' || c === '！' || c === '？' || c === '\n' || ((c === '；' || c === ';') && !colon)) {
      out.push({ start, end: i + 1 });
      start = i + 1;
      colon = false;
    } else if (c === '：') {
      colon = true;
    }
    i++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The sentence holding position `pos`. */
export function sentenceAt(sentences: readonly Span[], pos: number): Span | undefined {
  return sentences.find((s) => s.start <= pos && pos < s.end);
}
