import { describe, expect, it } from 'vitest';
import { snapNumberEdges } from '../../src/ner/number-edges.js';

interface S {
  start: number;
  end: number;
  text: string;
  label: string;
}

/** A span of `text` from the first occurrence of `piece` (after `from`). */
function at(text: string, piece: string, label = 'X', from = 0): S {
  const start = text.indexOf(piece, from);
  if (start < 0) throw new Error(`${piece} not in ${text}`);
  return { start, end: start + piece.length, text: piece, label };
}
const texts = (text: string, spans: S[]): string[] => snapNumberEdges(text, spans).map((s) => s.text);

describe('snapNumberEdges', () => {
  it('moves a start inside a decimal number to the number start (0.9% saline cut after the point)', () => {
    const text = '给予0.9%氯化钠注射液250ml';
    const out = snapNumberEdges(text, [at(text, '9%氯化钠注射液', '治疗')]);
    expect(out).toEqual([{ start: 2, end: 12, text: '0.9%氯化钠注射液', label: '治疗' }]);
  });

  it('moves an end inside a number to the number end, keeping label and other fields', () => {
    const text = '甲状腺增大.CA72.4 15U/ml';
    const span = { ...at(text, 'CA7', '实验室检验'), confidence: 0.5 };
    expect(snapNumberEdges(text, [span])).toEqual([{ start: 6, end: 12, text: 'CA72.4', label: '实验室检验', confidence: 0.5 }]);
  });

  it('moves both edges, and handles full-width digits and the full-width point', () => {
    const text = '剂量１２．５５ｍｇ';
    expect(texts(text, [{ start: 3, end: 5, text: '．５', label: 'X' }])).toEqual(['１２．５５']);
    expect(texts('a20%甘露醇', [at('a20%甘露醇', '0%甘露醇')])).toEqual(['20%甘露醇']);
  });

  it('leaves edges next to, not inside, a number', () => {
    const text = '1.2型糖尿病，CA125 81，心率120次';
    const spans = [at(text, '2型糖尿病'), at(text, 'CA125'), at(text, '心率')];
    // `1.2` is a number (a list marker `1.` before `2型` reads the same): 2型糖尿病 starts inside it.
    expect(texts(text, spans)).toEqual(['1.2型糖尿病', 'CA125', '心率']);
    // % , - / letters and a trailing point end a number.
    const t2 = '2.6%中性细胞数 5-FU CA19-9 1.';
    expect(texts(t2, [at(t2, '%中性细胞数'), at(t2, 'FU'), at(t2, '9', 'X', t2.indexOf('-9')), at(t2, '1.')])).toEqual(['%中性细胞数', 'FU', '9', '1.']);
  });

  it('treats a number that runs into a span on both sides as one number', () => {
    const text = 'CA199149U/ml';
    expect(texts(text, [at(text, 'CA199')])).toEqual(['CA199149']);
  });

  it('drops a moved span that would overlap another span of the head, and keeps the other', () => {
    const text = '剂量120mg';
    const a = { start: 0, end: 4, text: '剂量12', label: 'A' };
    const b = { start: 4, end: 7, text: '0mg', label: 'B' };
    // a's end and b's start are inside 120: both move onto it, overlap, and both are dropped.
    expect(snapNumberEdges(text, [a, b])).toEqual([]);
    const c = { start: 2, end: 3, text: '1', label: 'C' }; // moves to 120
    const d = { start: 5, end: 7, text: 'mg', label: 'D' }; // unmoved, disjoint from 120
    const e = { start: 0, end: 2, text: '剂量', label: 'E' };
    expect(snapNumberEdges(text, [d, c, e]).map((s) => s.text)).toEqual(['剂量', '120', 'mg']);
    const t2 = '12345';
    const f = { start: 0, end: 2, text: '12', label: 'F' }; // moves to 12345, overlaps the unmoved-looking g…
    const g = { start: 4, end: 5, text: '5', label: 'G' }; // …which itself starts inside and moves too
    expect(snapNumberEdges(t2, [f, g])).toEqual([]);
  });

  it('returns spans without numbers unchanged, sorted by start then end', () => {
    const text = '腹痛伴发热';
    const spans = [at(text, '发热'), at(text, '腹痛')];
    expect(snapNumberEdges(text, spans)).toEqual([spans[1], spans[0]]);
    expect(snapNumberEdges('12', [])).toEqual([]);
  });

  it('agrees with a brute-force reading of the rule on random texts and spans', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['1', '2', '0', '.', '．', '５', '%', '药', 'A', ' '];
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rand() * 30);
      let text = '';
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const spans: S[] = [];
      for (let i = 0; i < n; ) {
        const len = 1 + Math.floor(rand() * 4);
        if (rand() < 0.5 && i + len <= n) spans.push({ start: i, end: i + len, text: text.slice(i, i + len), label: 'X' });
        i += len;
      }
      // Brute force: number bounds by scanning; an edge is inside when both sides are in the same number.
      const runs = [...text.matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)*/gu)].map((m) => [m.index, m.index + m[0].length] as const);
      const runAt = (i: number) => runs.find(([a, b]) => a <= i && i < b);
      const moved = spans.map((sp) => {
        const rs = sp.start > 0 ? runAt(sp.start - 1) : undefined;
        const re = runAt(sp.end);
        const start = rs !== undefined && rs === runAt(sp.start) ? rs[0] : sp.start;
        const end = re !== undefined && re === runAt(sp.end - 1) ? re[1] : sp.end;
        return { start, end, changed: start !== sp.start || end !== sp.end };
      });
      const expected = moved
        .filter((m, i) => !m.changed || !moved.some((o, j) => j !== i && o.start < m.end && m.start < o.end))
        .map((m) => text.slice(m.start, m.end) + '@' + m.start)
        .sort();
      const got = snapNumberEdges(text, [...spans].reverse()).map((sp) => sp.text + '@' + sp.start);
      expect([...got].sort(), text).toEqual(expected);
      expect(got.map((g) => Number(g.split('@')[1]))).toEqual([...got.map((g) => Number(g.split('@')[1]))].sort((a, b) => a - b));
    }
  });

  it('counts offsets in UTF-16 units: an astral character before the number', () => {
    const text = '𠀀0.9%盐水';
    expect(texts(text, [{ start: 4, end: 8, text: '9%盐水', label: 'X' }])).toEqual(['0.9%盐水']);
  });
});
