/** Neighbour votes over hashed training spans: exact bigram Dice without storing any text. */
import { describe, expect, it } from 'vitest';
import { diceBigrams } from '../../src/normalise/similarity.js';
import { hashBigram, hashedBigrams, NeighbourIndex } from '../../src/normalise/neighbour-index.js';

const BITS = 22;
const spans = ['右乳腺癌IV期', '乳腺癌术后', '高血压3级'];
const index = new NeighbourIndex({ hashBits: BITS, spans: spans.map((s) => hashedBigrams(s, BITS)), labels: [[7, 9], [7], [3]] });

describe('NeighbourIndex', () => {
  it('scores neighbours by the bigram Dice of the text they were made from', () => {
    const votes = index.votes('左乳腺癌III期', 5);
    const seven = votes.find((v) => v.label === 7)!;
    expect(seven.best).toBeCloseTo(Math.max(...spans.slice(0, 2).map((s) => diceBigrams('左乳腺癌III期', s))), 10);
    expect(seven.top).toBeCloseTo(diceBigrams('左乳腺癌III期', spans[0]!), 10);
    expect(votes.find((v) => v.label === 3)).toBeUndefined();
    expect(seven.share).toBe(1);
  });

  it('keeps only the k nearest and answers nothing for an empty or unrelated span', () => {
    expect(index.votes('高血压', 1).map((v) => v.label)).toEqual([3]);
    expect(index.votes('', 5)).toEqual([]);
    expect(index.votes('骨折', 5)).toEqual([]);
  });

  it('hashes deterministically into the stated width, sorted', () => {
    expect(hashBigram('乳腺', BITS)).toBe(hashBigram('乳腺', BITS));
    expect(hashBigram('乳腺', BITS)).toBeLessThan(2 ** BITS);
    const h = hashedBigrams('乳腺癌乳腺', BITS);
    expect(h).toEqual([...h].sort((a, b) => a - b));
    expect(h).toHaveLength(4);
  });
});
