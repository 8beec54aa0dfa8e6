import type { EntityType } from '../../src/domain/entity.js';
import { detectAssertions, type AssertionResult } from '../../src/assertion/index.js';

/** A mention written in a case: its text, which occurrence (0 = first, after the previous mention), and its type. */
export type CaseMention = readonly [word: string, type: EntityType];

/**
 * Finds each mention word in order (each search starts after the previous mention's start) and runs the detector,
 * so golden cases read as sentences plus words rather than offsets.
 */
export function detectWords(text: string, mentions: readonly CaseMention[]): AssertionResult[] {
  let from = 0;
  const spans = mentions.map(([word, type]) => {
    const start = text.indexOf(word, from);
    if (start < 0) throw new Error(`test case: '${word}' not found after ${from}`);
    from = start + 1;
    return { start, end: start + word.length, type };
  });
  return detectAssertions(text, spans);
}
