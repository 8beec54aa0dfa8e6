/**
 * Where a cue's scope can end. A clause ends at `，,：:`, at brackets, and at every sentence end; a sentence ends at `。；;！!`, a
 * line break, or a list number (`…肝癌?2.肺部感染`: the `2.` starts a new item, but `2.4cm` does not).
 * `？`/`?` is a cue (`肝癌？`), not a boundary: it usually closes one item of a list of guesses, whose neighbours
 * have their own.
 */
export interface Boundaries {
  /** `clause[i]`: true where text[i] ends a clause (sentence ends included). */
  readonly clause: Uint8Array;
  /** `sentence[i]`: true where text[i] ends a sentence. */
  readonly sentence: Uint8Array;
}

const SENTENCE_END = new Set(['。', '；', ';', '！', '!', '\n', '\r']);
/** Brackets too: `（考虑肝ca）伴门静脉栓子` — the guess inside does not reach past the bracket. */
const CLAUSE_END = new Set(['，', ',', '：', ':', '（', '）', '(', ')']);

/**
 * findBoundaries('无发热，偶有腹痛。1.肝癌') → clause at 3 (，), 8 (。) and 9 (the list number); sentence at 8 and 9.
 */
export function findBoundaries(text: string): Boundaries {
  const clause = new Uint8Array(text.length);
  const sentence = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (SENTENCE_END.has(ch)) {
      clause[i] = 1;
      sentence[i] = 1;
    } else if (CLAUSE_END.has(ch)) clause[i] = 1;
  }
  // A list number: digits then `.`/`、`/`）`/`)`, not inside a number (`2.4`), and not after a digit or letter.
  for (const m of text.matchAll(/(?<![\d.a-zA-Z])\d{1,2}(?:[.、．]|[)）])(?!\d)/gu)) {
    clause[m.index] = 1;
    sentence[m.index] = 1;
  }
  return { clause, sentence };
}

/** First index of the clause holding `at` (just after the previous boundary). */
export function clauseStart(b: Boundaries, at: number, sentenceOnly = false): number {
  const marks = sentenceOnly ? b.sentence : b.clause;
  for (let i = Math.min(at, marks.length) - 1; i >= 0; i--) if (marks[i] === 1) return i + 1;
  return 0;
}

/** Index of the boundary that ends the clause holding the span ending at `end` (text.length when none). */
export function clauseEnd(b: Boundaries, end: number, sentenceOnly = false): number {
  const marks = sentenceOnly ? b.sentence : b.clause;
  for (let i = end; i < marks.length; i++) if (marks[i] === 1) return i;
  return marks.length;
}
