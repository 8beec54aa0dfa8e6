/** The diagnosis ranker's newer parts: character-IDF coverage, cover features, the small networks and their fitting. */
import { describe, expect, it } from 'vitest';
import { contentPositions, coverFeatures, explainedPositions } from '../../src/normalise/cover-features.js';
import { CharacterIdf, idfCover, shorthand, textCover } from '../../src/normalise/idf-cover.js';
import { mlpProbability } from '../../src/normalise/linear-ranker.js';
import { fitMlp } from '../../tools/concept-index/train-ranker.js';

describe('idf cover', () => {
  const names = ['面部血管瘤', '血管瘤', '膝关节病', '乳腺恶性肿瘤', '肺继发恶性肿瘤', '面部损伤'];
  const idf = new CharacterIdf(names);

  it('writes names in record shorthand', () => {
    expect(shorthand('肺继发恶性肿瘤')).toBe('肺转移');
    expect(shorthand('乳腺恶性肿瘤')).toBe('乳腺癌');
  });

  it('penalises a name for the distinctive characters the text lacks', () => {
    const text = textCover('膝部血管瘤', ['膝部血管瘤'], idf);
    const [missingFace] = idfCover(text, '面部血管瘤', idf);
    const [missingNone, covered] = idfCover(text, '血管瘤', idf);
    expect(missingFace).toBeGreaterThan(0.1);
    expect(missingNone).toBe(0);
    expect(covered).toBeGreaterThan(0.3);
    expect(covered).toBeLessThan(1);
  });

  it('matches 癌 in the text to 恶性肿瘤 in the name, and scores the best part', () => {
    const text = textCover('左乳腺癌,高血压', ['左乳腺癌', '高血压'], idf);
    const [missing, , partCovered, partMissing, bigramsMissing] = idfCover(text, '乳腺恶性肿瘤', idf);
    expect(missing).toBe(0);
    expect(partMissing).toBe(0);
    expect(bigramsMissing).toBe(0);
    expect(partCovered).toBeGreaterThan(0.5);
  });
});

describe('cover features', () => {
  it('finds the characters of a text a name explains, shorthand included', () => {
    expect([...explainedPositions('左乳腺癌伴骨转移', '乳腺恶性肿瘤')]).toEqual([0, 1, 1, 1, 0, 0, 0, 0]);
    expect([...explainedPositions('左乳腺癌伴骨转移', '骨继发恶性肿瘤')]).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    // A lone matched character is not an explanation.
    expect([...explainedPositions('高血压', '血友病')]).toEqual([0, 0, 0]);
    expect([...contentPositions('高,A1')]).toEqual([1, 0, 1, 1]);
  });

  it('tells a rival of a likelier candidate from a second diagnosis', () => {
    const f = coverFeatures([Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 1, 0, 0), Uint8Array.of(0, 0, 1, 1)], Uint8Array.of(1, 1, 1, 1), [0.9, 0.5, 0.2]);
    expect([...f[0]!]).toEqual([0.5, 1, 0.5, 0.5, 1]);
    expect([...f[1]!]).toEqual([0.5, 0, 0, 0.5, 0.5]);
    expect([...f[2]!]).toEqual([0.5, 1, 0.5, 0, 0.5]);
  });
});

describe('networks', () => {
  it('computes σ(w2 · relu(W1 x + b1) + b2) over concatenated parts', () => {
    const mlp = { inputs: 2, hidden: 2, w1: [1, 0, 0, -1], b1: [0, 0], w2: [2, 5], b2: -1 };
    expect(mlpProbability(mlp, Float64Array.of(1), Float64Array.of(3))).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
    expect(mlpProbability(mlp, Float64Array.of(0, -1))).toBeCloseTo(1 / (1 + Math.exp(-4)), 10);
  });

  it('fits what a linear model cannot (XOR), the same way for the same seed', () => {
    const examples = Array.from({ length: 400 }, (_, i) => {
      const a = i % 2;
      const b = Math.floor(i / 2) % 2;
      return { features: Float64Array.of(a, b), positive: a !== b };
    });
    const net = fitMlp(examples, 2, { hidden: 8, epochs: 300, batch: 32, learningRate: 0.01, seed: 7 });
    expect(fitMlp(examples, 2, { hidden: 8, epochs: 300, batch: 32, learningRate: 0.01, seed: 7 })).toEqual(net);
    const p = (a: number, b: number) => mlpProbability(net, Float64Array.of(a, b));
    expect(p(0, 1)).toBeGreaterThan(0.8);
    expect(p(1, 0)).toBeGreaterThan(0.8);
    expect(p(0, 0)).toBeLessThan(0.2);
    expect(p(1, 1)).toBeLessThan(0.2);
  });
});
