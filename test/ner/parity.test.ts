/**
 * TypeScript decode vs the Python decode on shared fixtures (models/train writes them): every text of
 * `<model>/<file>` (`{"text", "entities": [{"start", "end", "label"}]}`, code-point offsets) must come out the same.
 * Runs for each model folder that exists: the tiny random models always ship with the repo; the real model's check
 * runs wherever `models/ccks-union-hybrid` has been built.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNerEngine, type ExtractOptions, type NerEngine } from '../../src/ner/index.js';
import { PARITY_MODEL } from '../fixtures/ner/python-parity.js';
import { tempModel } from './engine-helpers.js';

interface ParityCase {
  text: string;
  entities: { start: number; end: number; label: string }[];
}

/** parity-dev.jsonl holds ids and offsets only (no dataset text in git); the texts come from the CCKS 2019 files. */
interface IdCase {
  id: string;
  chars: number;
  entities: { start_pos: number; end_pos: number; label_type: string }[];
}

const CCKS2019_DIR = process.env['CCKS2019_DIR'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'ccks2019');

function ccksTexts(): Map<string, string> | null {
  const texts = new Map<string, string>();
  for (const [part, name] of [[1, 'subtask1_training_part1.txt'], [2, 'subtask1_training_part2.txt']] as const) {
    const file = path.join(CCKS2019_DIR, name);
    if (!existsSync(file)) return null;
    readFileSync(file, 'utf8').replace(/^\uFEFF/u, '').split('\n').forEach((line, i) => {
      if (line.trim() !== '') texts.set(`p${part}-L${i + 1}`, (JSON.parse(line) as { originalText: string }).originalText);
    });
  }
  return texts;
}

const SUITES = [
  // Tiny random model: decisions are near-ties more often than a trained model's, yet both sides decode in float64,
  // so any difference is a contract bug; require exact agreement.
  { dir: 'test/fixtures/tiny-model', file: 'predictions.jsonl', minAgreement: 1 },
  // Real model on the 150 dev records: the Python side decodes onnxruntime emissions of the same ONNX file in float64
  // too, with the same onnxruntime version (1.30.0) and one window per call for int8: require exact agreement.
  { dir: 'models/ccks-union-hybrid', file: 'parity-dev.jsonl', minAgreement: 1 },
];

function readCases(file: string): ParityCase[] {
  const rows = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/u, '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ParityCase | IdCase);
  if (rows.every((r) => 'text' in r)) return rows as ParityCase[];
  const texts = ccksTexts();
  if (!texts) throw new Error(`CCKS 2019 data not found at ${CCKS2019_DIR} (set CCKS2019_DIR)`);
  return (rows as IdCase[]).map((r) => {
    const text = texts.get(r.id);
    if (text === undefined || [...text].length !== r.chars) throw new Error(`record ${r.id} missing or changed in ${CCKS2019_DIR}`);
    return { text, entities: r.entities.map((e) => ({ start: e.start_pos, end: e.end_pos, label: e.label_type })) };
  });
}

/** UTF-16 offsets → code-point offsets (the Python side counts code points). */
function toCodePoints(text: string, utf16: number): number {
  let k = 0;
  for (let i = 0; i < utf16; k++) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
  return k;
}

/** Runs every case through the engine and compares code-point spans with the Python output. */
async function expectParity(engine: NerEngine, cases: ParityCase[], minAgreement: number, options?: ExtractOptions): Promise<void> {
  expect(cases.length).toBeGreaterThan(0);
  const predicted = await engine.extractMany(cases.map((c) => c.text), options);
  let same = 0;
  let total = 0;
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const ours = new Set((predicted[i] ?? []).map((e) => `${toCodePoints(c.text, e.start)}:${toCodePoints(c.text, e.end)}:${e.label}`));
    const theirs = new Set(c.entities.map((e) => `${e.start}:${e.end}:${e.label}`));
    for (const k of theirs) if (ours.has(k)) same++;
    total += Math.max(ours.size, theirs.size);
    const onlyOurs = [...ours].filter((k) => !theirs.has(k));
    const onlyTheirs = [...theirs].filter((k) => !ours.has(k));
    if (onlyOurs.length + onlyTheirs.length > 0) {
      mismatches.push(`case ${i}: TypeScript only [${onlyOurs.join(' ')}], Python only [${onlyTheirs.join(' ')}]`);
    }
  });
  if (minAgreement === 1) expect(mismatches.slice(0, 5)).toEqual([]);
  expect(total === 0 ? 1 : same / total, mismatches.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(minAgreement);
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

for (const suite of SUITES) {
  const dir = path.join(REPO, suite.dir);
  const fixture = path.join(dir, suite.file);
  // The real model's slice names dataset records by id: it needs the CCKS 2019 files (../shared/data or CCKS2019_DIR).
  const needsData = suite.file === 'parity-dev.jsonl';
  const present = existsSync(path.join(dir, 'config.json')) && existsSync(fixture)
    && (!needsData || existsSync(path.join(CCKS2019_DIR, 'subtask1_training_part1.txt')));
  describe.skipIf(!present)(`parity with the Python decode: ${suite.dir}`, () => {
    let engine: NerEngine;
    beforeAll(async () => {
      engine = await createNerEngine({ modelDir: dir, poolSize: 2, executionProviders: ['cpu'] });
    }, 60_000);
    afterAll(async () => engine?.close());

    it(`agrees with ${suite.file} (≥ ${suite.minAgreement * 100}% of spans)`, async () => {
      await expectParity(engine, readCases(fixture), suite.minAgreement);
    }, 300_000);
  });
}

// Multi-head: the tiny union fixture's predictions.jsonl also holds each head's own output (`heads`), decoded by the
// Python OnnxTagger from the same ONNX run; the served `entities` follow the head-priority merge.
const UNION = path.join(REPO, 'test/fixtures/tiny-union-model');
describe.skipIf(!existsSync(path.join(UNION, 'predictions.jsonl')))('parity with the Python decode: test/fixtures/tiny-union-model', () => {
  let engine: NerEngine;
  beforeAll(async () => {
    engine = await createNerEngine({ modelDir: UNION, poolSize: 2, executionProviders: ['cpu'] });
  }, 60_000);
  afterAll(async () => engine?.close());

  const cases = (): (ParityCase & { heads: Record<string, ParityCase['entities']> })[] =>
    readFileSync(path.join(UNION, 'predictions.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ParityCase & { heads: Record<string, ParityCase['entities']> });

  it('agrees exactly on the served (merged) output', async () => {
    await expectParity(engine, cases(), 1);
  }, 120_000);

  it('agrees exactly on each head\'s own output', async () => {
    const all = cases();
    expect(Object.keys(all[0]!.heads)).toEqual(engine.model.heads.map((h) => h.name));
    for (const head of engine.model.heads) {
      const perHead = all.map((c) => ({ text: c.text, entities: c.heads[head.name]! }));
      expect(perHead.reduce((n, c) => n + c.entities.length, 0)).toBeGreaterThan(0);
      await expectParity(engine, perHead, 1, { head: head.name });
    }
  }, 120_000);
});

// A deterministic TS-generated model with many entities per text, decoded by the Python OnnxTagger
// (test/fixtures/ner/make-python-parity.ts): deeper coverage than the tiny model's few entities.
describe('parity with the Python decode: generated many-entity model', () => {
  const model = tempModel(PARITY_MODEL);
  let engine: NerEngine;
  beforeAll(async () => {
    engine = await createNerEngine({ modelDir: model.dir, poolSize: 2, executionProviders: ['cpu'] });
  });
  afterAll(async () => {
    await engine?.close();
    model.cleanup();
  });

  it('agrees exactly with python-parity.jsonl', async () => {
    const cases = readCases(path.join(REPO, 'test/fixtures/ner/python-parity.jsonl'));
    expect(cases.reduce((n, c) => n + c.entities.length, 0)).toBeGreaterThan(100);
    await expectParity(engine, cases, 1);
  }, 120_000);
});
