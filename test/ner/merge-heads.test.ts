import { describe, expect, it } from 'vitest';
import { mergeHeads, type LabelledSpan } from '../../src/ner/merge-heads.js';
import { mulberry32 } from '../helpers/prng.js';

const span = (start: number, end: number, label: string): LabelledSpan => ({ start, end, label });

/** The contract's rule stated directly: one entity at a time, quadratic, no sweep; for random cross-checks. */
function bruteForce(perHead: LabelledSpan[][], serve: string[][]): LabelledSpan[] {
  const kept: LabelledSpan[] = [];
  perHead.forEach((entities, h) => {
    for (const e of [...entities].sort((a, b) => a.start - b.start)) {
      if (!serve[h]!.includes(e.label)) continue;
      if (kept.some((k) => k.start < e.end && e.start < k.end)) continue;
      kept.push(e);
    }
  });
  return kept.sort((a, b) => a.start - b.start);
}

describe('mergeHeads', () => {
  it('keeps head 0 whole, then later heads only where nothing kept shares a character', () => {
    const head0 = [span(2, 5, '疾病和诊断'), span(10, 12, '手术')];
    const head1 = [
      span(0, 2, '症状和体征'), // ends where head 0 starts: no shared character, kept
      span(4, 6, '症状和体征'), // shares character 4 with 2..5: dropped
      span(6, 10, '治疗'), // between the two head-0 entities, touching both: kept
      span(11, 14, '检查和检验'), // overlaps 10..12: dropped
      span(20, 21, '治疗'),
    ];
    expect(mergeHeads([head0, head1], [['疾病和诊断', '手术'], ['症状和体征', '治疗', '检查和检验']])).toEqual([
      span(0, 2, '症状和体征'), span(2, 5, '疾病和诊断'), span(6, 10, '治疗'), span(10, 12, '手术'), span(20, 21, '治疗'),
    ]);
  });

  it('serves only the listed labels of each head, and an unserved entity does not block a later head', () => {
    const head0 = [span(0, 3, '疾病和诊断'), span(5, 8, '解剖部位')];
    const head1 = [span(0, 3, '疾病和诊断'), span(5, 7, '身体部位'), span(6, 9, '症状和体征')];
    // Head 0 serves no 解剖部位, so 6..9 of head 1 competes with nothing; head 1 serves neither 疾病和诊断 nor 身体部位.
    expect(mergeHeads([head0, head1], [['疾病和诊断'], ['症状和体征']])).toEqual([span(0, 3, '疾病和诊断'), span(6, 9, '症状和体征')]);
  });

  it('gives priority by head order, across three heads', () => {
    const a = [span(3, 4, 'A')];
    const b = [span(0, 4, 'B'), span(5, 9, 'B')];
    const c = [span(4, 6, 'C'), span(9, 10, 'C')];
    // b's 0..4 loses to a; c's 4..6 loses to b's 5..9 although c alone would not overlap a.
    expect(mergeHeads([a, b, c], [['A'], ['B'], ['C']])).toEqual([span(3, 4, 'A'), span(5, 9, 'B'), span(9, 10, 'C')]);
  });

  it('keeps the objects it is given (confidence and all) and sorts unsorted input', () => {
    const e = { start: 7, end: 9, label: 'X', confidence: 0.25 };
    const f = { start: 1, end: 2, label: 'X', confidence: 0.5 };
    const out = mergeHeads([[e, f]], [['X']]);
    expect(out).toEqual([f, e]);
    expect(out[1]).toBe(e);
  });

  it('handles no heads, empty heads and a missing serve list', () => {
    expect(mergeHeads([], [])).toEqual([]);
    expect(mergeHeads([[], [span(0, 1, 'X')]], [['X'], ['X']])).toEqual([span(0, 1, 'X')]);
    expect(mergeHeads([[span(0, 1, 'X')]], [])).toEqual([]);
  });

  it('agrees with the rule stated one entity at a time on random heads (including overlaps within a head)', () => {
    const rand = mulberry32(17);
    const labels = ['A', 'B', 'C', 'D'];
    for (let round = 0; round < 500; round++) {
      const heads = 1 + Math.floor(rand() * 3);
      const perHead = Array.from({ length: heads }, () =>
        Array.from({ length: Math.floor(rand() * 12) }, () => {
          const start = Math.floor(rand() * 40);
          return span(start, start + 1 + Math.floor(rand() * 5), labels[Math.floor(rand() * labels.length)]!);
        }),
      );
      const serve = perHead.map(() => labels.filter(() => rand() < 0.6));
      expect(mergeHeads(perHead, serve)).toEqual(bruteForce(perHead, serve));
    }
  });
});
