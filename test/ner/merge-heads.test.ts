import { describe, expect, it } from 'vitest';
import { mergeHeads, type LabelledSpan } from '../../src/ner/merge-heads.js';
import { mulberry32 } from '../helpers/prng.js';

const span = (start: number, end: number, label: string): LabelledSpan => ({ start, end, label });

/**
 * The contract's rule stated directly, one entity at a time: quadratic, no sweep, no binary search; for random
 * cross-checks. Head by head, candidates by start: a served candidate is kept iff no kept entity of its own head
 * shares a character with it and every kept entity of an earlier head that does lies strictly inside it (shorter)
 * with a label in the head's nestOver.
 */
function bruteForce(perHead: LabelledSpan[][], serve: string[][], nestOver: string[][] = []): LabelledSpan[] {
  const kept: { e: LabelledSpan; head: number }[] = [];
  const shares = (a: LabelledSpan, b: LabelledSpan): boolean => a.start < b.end && b.start < a.end;
  perHead.forEach((entities, h) => {
    for (const c of [...entities].sort((a, b) => a.start - b.start)) {
      if (!serve[h]!.includes(c.label)) continue;
      const ok = kept.every(({ e: k, head }) => {
        if (!shares(k, c)) return true;
        if (head === h) return false;
        const inside = k.start >= c.start && k.end <= c.end && k.end - k.start < c.end - c.start;
        return inside && (nestOver[h] ?? []).includes(k.label);
      });
      if (ok) kept.push({ e: c, head: h });
    }
  });
  return kept.map(({ e }) => e).sort((a, b) => a.start - b.start || a.end - b.end);
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

  describe('nestOver: a later head may contain entities of the labels it lists', () => {
    const SERVE = [['解剖部位', '疾病和诊断'], ['症状和体征']];
    const NEST = [[], ['解剖部位']];

    it('keeps a symptom containing an anatomy together, the inner span first', () => {
      // 腹痛 (0..2) around 腹 (0..1), and 右下腹压痛 (5..10) around 右下腹 (5..8) ending before it.
      const head0 = [span(0, 1, '解剖部位'), span(5, 8, '解剖部位')];
      const head1 = [span(5, 10, '症状和体征'), span(0, 2, '症状和体征')];
      expect(mergeHeads([head0, head1], SERVE, NEST)).toEqual([
        span(0, 1, '解剖部位'), span(0, 2, '症状和体征'), span(5, 8, '解剖部位'), span(5, 10, '症状和体征'),
      ]);
      // Inside, away from both edges, too.
      expect(mergeHeads([[span(3, 4, '解剖部位')], [span(2, 6, '症状和体征')]], SERVE, NEST)).toEqual([span(2, 6, '症状和体征'), span(3, 4, '解剖部位')]);
    });

    it('drops a container of identical length (the graph keys mentions by start-end)', () => {
      expect(mergeHeads([[span(4, 6, '解剖部位')], [span(4, 6, '症状和体征')]], SERVE, NEST)).toEqual([span(4, 6, '解剖部位')]);
    });

    it('drops a candidate partially overlapping an anatomy, on either side', () => {
      const head0 = [span(2, 5, '解剖部位')];
      const head1 = [span(0, 3, '症状和体征'), span(4, 8, '症状和体征')];
      expect(mergeHeads([head0, head1], SERVE, NEST)).toEqual([span(2, 5, '解剖部位')]);
      // An anatomy sticking out of the candidate's end, sharing its start: not inside.
      expect(mergeHeads([[span(2, 6, '解剖部位')], [span(2, 4, '症状和体征')]], SERVE, NEST)).toEqual([span(2, 6, '解剖部位')]);
    });

    it('drops a candidate containing an entity whose label is not in nestOver', () => {
      const head0 = [span(1, 3, '疾病和诊断'), span(10, 11, '解剖部位'), span(12, 13, '疾病和诊断')];
      const head1 = [span(0, 4, '症状和体征'), span(9, 14, '症状和体征')]; // the second holds an anatomy and a disease
      expect(mergeHeads([head0, head1], SERVE, NEST)).toEqual(head0);
      // Without nestOver, the anatomy blocks it as before.
      expect(mergeHeads([[span(0, 1, '解剖部位')], [span(0, 2, '症状和体征')]], SERVE)).toEqual([span(0, 1, '解剖部位')]);
    });

    it('keeps a candidate containing two anatomy spans', () => {
      // 左下肢及右上肢无力: both limbs inside the symptom.
      const head0 = [span(0, 3, '解剖部位'), span(4, 7, '解剖部位')];
      expect(mergeHeads([head0, [span(0, 9, '症状和体征')]], SERVE, NEST)).toEqual([
        span(0, 3, '解剖部位'), span(0, 9, '症状和体征'), span(4, 7, '解剖部位'),
      ]);
    });

    it('checks a third head against the nested pair: it must fit around both, or touch neither', () => {
      const head0 = [span(2, 3, 'A')];
      const head1 = [span(2, 5, 'B')]; // around 2..3
      const head2 = [span(1, 6, 'C'), span(4, 8, 'C'), span(3, 4, 'C'), span(9, 10, 'C')];
      const serve = [['A'], ['B'], ['C']];
      // Head 2 may nest over A only: 1..6 also holds B; 4..8 overlaps B; 3..4 lies inside B.
      expect(mergeHeads([head0, head1, head2], serve, [[], ['A'], ['A']])).toEqual([span(2, 3, 'A'), span(2, 5, 'B'), span(9, 10, 'C')]);
      // Nesting over both: 1..6 is kept, and then 3..4 and 4..8 are blocked by it (same head).
      expect(mergeHeads([head0, head1, head2], serve, [[], ['A'], ['A', 'B']])).toEqual([
        span(1, 6, 'C'), span(2, 3, 'A'), span(2, 5, 'B'), span(9, 10, 'C'),
      ]);
    });

    it('is the old rule with empty or missing nestOver lists', () => {
      const head0 = [span(0, 1, '解剖部位')];
      const head1 = [span(0, 2, '症状和体征')];
      for (const nest of [[], [[], []], [[]]]) expect(mergeHeads([head0, head1], SERVE, nest)).toEqual(head0);
    });
  });

  it('agrees with the rule stated one entity at a time on random heads (overlaps within a head, nestOver)', () => {
    const rand = mulberry32(17);
    const labels = ['A', 'B', 'C', 'D'];
    let nested = 0;
    for (let round = 0; round < 2000; round++) {
      const heads = 1 + Math.floor(rand() * 3);
      const perHead = Array.from({ length: heads }, () =>
        Array.from({ length: Math.floor(rand() * 12) }, () => {
          const start = Math.floor(rand() * 40);
          return span(start, start + 1 + Math.floor(rand() * (rand() < 0.3 ? 12 : 5)), labels[Math.floor(rand() * labels.length)]!);
        }),
      );
      const serve = perHead.map(() => labels.filter(() => rand() < 0.6));
      // A third of the rounds without nestOver (the old rule); else random labels, served earlier or not.
      const nestOver = round % 3 === 0 ? [] : perHead.map((_, h) => (h === 0 ? [] : labels.filter(() => rand() < 0.5)));
      const got = mergeHeads(perHead, serve, nestOver);
      expect(got).toEqual(bruteForce(perHead, serve, nestOver));
      for (let k = 1; k < got.length; k++) if (got[k]!.start < got[k - 1]!.end) nested++;
    }
    expect(nested).toBeGreaterThan(100); // the nesting branch ran
  });

  it('stays fast on a 1 MB-sized record with tens of thousands of entities per head', () => {
    // Head 0: a two-character anatomy in every 4 characters. Head 1 around every other one a symptom holding it (kept),
    // else the anatomy's very span (dropped: identical) or one overlapping its end (dropped: partial).
    const n = 60_000;
    const head0 = Array.from({ length: n }, (_, i) => span(4 * i + 1, 4 * i + 3, 'A'));
    const head1 = Array.from({ length: n }, (_, i) =>
      i % 2 === 0 ? span(4 * i, 4 * i + 4, 'S') : i % 4 === 1 ? span(4 * i + 1, 4 * i + 3, 'S') : span(4 * i + 2, 4 * i + 4, 'S'));
    head0.push(span(0, 1, 'A')); // unsorted input, sorted by the merge
    const started = performance.now();
    const out = mergeHeads([head0, head1], [['A'], ['S']], [[], ['A']]);
    expect(performance.now() - started).toBeLessThan(3000); // ~tens of ms; a quadratic merge would take minutes
    expect(out.length).toBe(n + 1 + n / 2);
    expect(out.slice(0, 4)).toEqual([span(0, 1, 'A'), span(0, 4, 'S'), span(1, 3, 'A'), span(5, 7, 'A')]);
  });
});
