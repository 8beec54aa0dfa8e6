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

/** A seeded PRNG so property tests are repeatable without a dependency. */
export { mulberry32 as seededRandom } from '../helpers/prng.js';
