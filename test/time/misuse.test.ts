import { describe, expect, it } from 'vitest';
import type { Timex } from '../../src/domain/time.js';
import { analyseTime, resolveTimeline } from '../../src/time/index.js';
import { seededRandom } from './helpers.js';

describe('time module misuse and edge cases', () => {
  it('handles empty text and no entities', () => {
    expect(analyseTime({ text: '', entities: [] })).toEqual({ timexes: [], links: [] });
    expect(resolveTimeline({ recordedAt: '2018-01-01', timexes: [], links: [], entities: [] })).toEqual([]);
  });
  it('never throws on malformed values: reports them', () => {
    const bad: Timex[] = ['2018-02-30', '2018-99', 'garbage', 'XXXX'].map((value, i) => ({
      id: `T${i + 1}`, start: 0, end: 1, text: value, kind: 'DATE', value, approx: false,
    }));
    bad.push({ id: 'T9', start: 0, end: 1, text: 'x', kind: 'RELATIVE', value: 'not-a-duration', approx: false });
    bad.push({ id: 'T10', start: 0, end: 1, text: 'x', kind: 'EVENT_RELATIVE', value: 'P1D', approx: false });
    const out = resolveTimeline({ recordedAt: 'yesterday', timexes: bad, links: [], entities: [] });
    expect(out.map((r) => r.unresolvedReason)).toEqual(['INVALID_DATE', 'INVALID_DATE', 'INVALID_DATE', 'UNKNOWN_YEAR', 'INVALID_DATE', 'ANCHOR_NOT_FOUND']);
  });
  it('does not loop on EVENT_RELATIVE anchors that point at each other', () => {
    const text = '术后2周，术后3周';
    const { timexes } = analyseTime({ text, entities: [] });
    const out = resolveTimeline({ recordedAt: '2018-01-01', timexes, links: [], entities: [] });
    expect(out.every((r) => r.interval === null)).toBe(true);
  });
  it('keeps offsets in UTF-16 units next to astral characters', () => {
    const text = '𠮷𠮷2018-03-12行手术';
    const [t] = analyseTime({ text, entities: [] }).timexes;
    expect(t && text.slice(t.start, t.end)).toBe('2018-03-12');
  });
  it('survives random clinical-looking noise (seeded) with valid, ordered, non-overlapping spans', () => {
    const random = seededRandom(7);
    const pieces = ['于', '2018-03-12', '术后', '3', '月', '前', '余', '约', '，', '。', '“', '”', '天', '持续', '每日', '化疗', '１', '－', '半', '年', '近', '后', '：', '；', '\\U0004', '6-', '12', '日', '数', '十几', '分钟'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 30 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const { timexes } = analyseTime({ text, entities: [] });
      let end = -1;
      for (const t of timexes) {
        expect(t.start).toBeGreaterThanOrEqual(end);
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.kind === 'EVENT_RELATIVE' ? (t.anchor ?? '').length > 0 : t.anchor === undefined).toBe(true);
        end = t.end;
      }
      expect(() => resolveTimeline({ recordedAt: '2018-05-01', timexes, links: [], entities: [] })).not.toThrow();
    }
  });
});
