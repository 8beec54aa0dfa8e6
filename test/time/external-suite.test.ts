import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkedFile, parseMarkedLine } from '../../src/time/evaluate/marked-record.js';
import { addRecord, emptyCounts, prf } from '../../src/time/evaluate/score-time.js';
import { analyseTime, resolveTimeline } from '../../src/time/index.js';

// Expressions from other Chinese time parsers' test suites and clinical patterns, in carrier sentences
// (test/fixtures/time/external/README.md). `tune` is what the rules were developed on; `dev` was held apart.
const suite = (name: string) =>
  parseMarkedFile(readFileSync(fileURLToPath(new URL(`../fixtures/time/external/${name}.tsv`, import.meta.url)), 'utf8'));

function score(name: string): { f1: number; value: number; records: number } {
  const c = emptyCounts();
  const records = suite(name);
  for (const r of records) addRecord(c, r, analyseTime({ text: r.text, entities: [], recordedAt: r.recordedAt ?? '' }));
  return { f1: prf(c.matched, c.predicted, c.gold).f1, value: c.valueCorrect / c.matched, records: records.length };
}

describe('external expression suite', () => {
  it('has at least 400 items with a source each', () => {
    const all = [...suite('tune'), ...suite('dev')];
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(all.every((r) => r.source.length > 0)).toBe(true);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });
  for (const name of ['tune', 'dev']) {
    it(`${name}: strict TIMEX F1 ≥ 0.95 and value accuracy ≥ 0.95`, () => {
      const s = score(name);
      expect(s.f1).toBeGreaterThanOrEqual(0.95);
      expect(s.value).toBeGreaterThanOrEqual(0.95);
    });
  }
  it('places every dated expression of the suite on the calendar (X only where the text leaves it open)', () => {
    for (const r of [...suite('tune'), ...suite('dev')]) {
      const recordedAt = r.recordedAt ?? '';
      const { timexes, links } = analyseTime({ text: r.text, entities: [], recordedAt });
      const resolved = resolveTimeline({ recordedAt, timexes, links, entities: [] });
      timexes.forEach((t, i) => {
        const res = resolved[i];
        if (t.kind === 'DURATION') expect(res?.unresolvedReason).toBe('DURATION');
        else if (t.kind === 'EVENT_RELATIVE') return; // anchors need the entities the suite does not carry
        else if (/X/.test(t.value)) expect(res?.unresolvedReason, `${r.id} ${t.value}`).toMatch(/UNKNOWN_(YEAR|QUANTITY)/);
        else expect(res?.interval, `${r.id} ${t.text} ${t.value}`).not.toBeNull();
      });
    }
  });
});

describe('marked suite format', () => {
  it('reads marks, approx and anchors into UTF-16 offsets', () => {
    const r = parseMarkedLine('x\tsrc\t2018-06-01\t𠮷于[[3月|DATE|2018-03]]，[[术后2年余|EVENT_RELATIVE|P2Y|~|@术]]复查');
    expect(r.text).toBe('𠮷于3月，术后2年余复查');
    expect(r.timexes.map((t) => [r.text.slice(t.start, t.end), t.approx, t.anchor])).toEqual([['3月', false, undefined], ['术后2年余', true, '术']]);
  });
  it('rejects a line without its four fields or with a bad mark', () => {
    expect(() => parseMarkedLine('x\tsrc\t于3月')).toThrow(/expected id, source, recordedAt/);
    expect(() => parseMarkedLine('x\tsrc\t2018-06-01\t[[3月|MONTH|2018-03]]')).toThrow(/record x: expected a TIMEX kind, got MONTH/);
    expect(() => parseMarkedLine('x\tsrc\t2018-06-01\t[[3月|DATE]]')).toThrow(/record x: malformed mark/);
  });
});
