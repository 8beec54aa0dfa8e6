import { LABEL_TO_TYPE, type EntityMention } from '../../src/domain/entity.js';

/** Entity mentions at the first occurrence of each `[text, label]` in `source` (label: CCKS Chinese label). */
export function mentions(source: string, items: readonly (readonly [string, string])[]): EntityMention[] {
  let from = 0;
  return items.map(([text, label]) => {
    const start = source.indexOf(text, from);
    if (start < 0) throw new Error(`expected ${text} in the test text`);
    from = start + text.length;
    return { start, end: start + text.length, text, label, type: LABEL_TO_TYPE[label] ?? 'DISEASE', confidence: 1 };
  });
}

/** Mulberry32: a small seeded PRNG so property tests are repeatable without a dependency. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
