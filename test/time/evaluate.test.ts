import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/evaluate-time.command.js';
import { parseGoldLine } from '../../src/time/evaluate/gold-record.js';
import { addRecord, emptyCounts, prf } from '../../src/time/evaluate/score-time.js';
import { analyseTime } from '../../src/time/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/time/synthetic.jsonl', import.meta.url));
const TINY_MODEL = fileURLToPath(new URL('../fixtures/tiny-model', import.meta.url));
const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('gold records', () => {
  it('converts code-point offsets to UTF-16 (an astral character before the spans)', () => {
    const r = parseGoldLine(lines[0] ?? '');
    for (const t of r.timexes) expect(r.text.slice(t.start, t.end)).toBe(t.text);
    for (const e of r.entities) expect(r.text.slice(e.start, e.end)).toBe(e.text);
    expect(r.entities.map((e) => e.type)).toEqual(['SURGERY', 'DRUG', 'DISEASE']);
  });
  it('rejects a record without the guideline fields', () => {
    expect(() => parseGoldLine('{"id":"x"}')).toThrow(/expected originalText, timex\[\] and links\[\] in record x/);
  });
});

describe('scores', () => {
  it('scores the synthetic records perfectly', () => {
    const c = emptyCounts();
    for (const line of lines) {
      const g = parseGoldLine(line);
      addRecord(c, g, analyseTime({ text: g.text, entities: g.entities }));
    }
    expect(c).toEqual({ predicted: 6, gold: 6, matched: 6, kindCorrect: 6, valueCorrect: 6, links: 5, linksCorrect: 5 });
  });
  it('counts a wrong span, value and link', () => {
    const g = parseGoldLine(lines[1] ?? '');
    const pred = analyseTime({ text: g.text, entities: g.entities });
    const shifted = pred.timexes.map((t, i) => (i === 0 ? { ...t, end: t.end - 1 } : i === 1 ? { ...t, value: '-P4Y' } : t));
    const links = pred.links.map((l) => ({ ...l, timexId: null }));
    const c = emptyCounts();
    addRecord(c, g, { timexes: shifted, links });
    expect(c).toEqual({ predicted: 3, gold: 3, matched: 2, kindCorrect: 2, valueCorrect: 1, links: 2, linksCorrect: 0 });
    expect(prf(2, 3, 3).f1).toBeCloseTo(2 / 3);
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('evaluate-time command', () => {
  it('prints one JSON object with the agreed keys', async () => {
    const { code, out } = await cli(['--data', FIXTURE, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(r).toMatchObject({ timex: { precision: 1, recall: 1, f1: 1 }, kindAccuracy: 1, valueAccuracy: 1, linkAccuracy: 1, endToEnd: null });
    expect(r['endToEndReason']).toBe('no --model given');
  });
  it('leaves end to end empty with a reason when the model cannot be loaded', async () => {
    const { code, out } = await cli(['--data', FIXTURE, '--json', '--model', '/nonexistent/model']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { endToEnd: unknown; endToEndReason: string };
    expect(r.endToEnd).toBeNull();
    expect(r.endToEndReason).toMatch(/NER engine/);
  });
  it.skipIf(!existsSync(TINY_MODEL))('scores end to end with entities from the NER engine (tiny random model)', async () => {
    const { code, out } = await cli(['--data', FIXTURE, '--json', '--model', TINY_MODEL]);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { endToEnd: { goldEvents: number; placed: number; f1: number } | null };
    expect(r.endToEnd).not.toBeNull();
    expect(r.endToEnd?.goldEvents).toBe(5);
    expect(r.endToEnd?.f1).toBeGreaterThanOrEqual(0);
  }, 120_000);
  it('prints a readable table and never the record text', async () => {
    const { out } = await cli(['--data', FIXTURE]);
    expect(out).toMatch(/TIMEX strict\s+P 1\.0000/);
    expect(out).not.toMatch(/胃癌/);
  });
  it('rejects unknown options with exit code 2', async () => {
    expect((await cli(['--bogus'])).code).toBe(2);
    expect((await cli(['--data'])).err).toMatch(/--data: expected a path, got nothing/);
  });
});

describe('end-to-end placement score', () => {
  it('counts only predicted events whose label the gold annotates', async () => {
    const { addEndToEnd, emptyEndToEnd } = await import('../../src/time/evaluate/score-end-to-end.js');
    const gold = parseGoldLine(lines[0]!);
    const goldLabels = new Set(gold.entities.map((e) => e.label));
    // The gold events themselves, plus one symptom (a type the gold file does not annotate) far from them.
    const symptom = { start: 0, end: 1, text: gold.text.slice(0, 1), label: '症状和体征', type: 'SYMPTOM' as const, confidence: 1 };
    const entities = [...gold.entities, symptom];
    const pred = { ...analyseTime({ text: gold.text, entities }), entities };
    const all = emptyEndToEnd();
    addEndToEnd(all, gold, pred);
    const fair = emptyEndToEnd();
    addEndToEnd(fair, gold, pred, goldLabels);
    expect(all.predictedEvents).toBe(gold.entities.length + 1);
    expect(fair.predictedEvents).toBe(gold.entities.length);
    expect(fair.placed).toBe(all.placed);
    expect(fair.goldEvents).toBe(gold.links.length);
  });
});
