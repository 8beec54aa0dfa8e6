/**
 * Evaluating a multi-head model: gold files written from one head's own output must be scored on that head (perfect
 * scores), chosen from the gold labels or by `--head`. The CLI part runs from dist/ (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/entity.js';
import { readCcksRecords, type CcksRecord } from '../../src/ner/evaluation/ccks-reader.js';
import { evaluateRecords } from '../../src/ner/evaluation/evaluate.js';
import { createNerEngine, type NerEngine } from '../../src/ner/index.js';
import { mulberry32 } from '../helpers/prng.js';

const UNION = path.resolve('test/fixtures/tiny-union-model');
const CLI = path.resolve('dist/cli/main.js');
const CHARS = [...'患者因直肠癌于我院行根治术后病理示腺癌化疗奥沙利铂胸部CT肺结节肝脏左右上下叶检查血常规白细胞计数0123456789，。：（）𠮷'];
const texts = Array.from({ length: 8 }, (_, i) => {
  const rand = mulberry32(500 + i);
  return Array.from({ length: 160 }, () => CHARS[Math.floor(rand() * CHARS.length)]).join('');
});

/** A CCKS-format gold file (code-point offsets) holding exactly the given entities. */
function goldLines(entities: EntityMention[][]): string {
  const cp = (text: string, utf16: number): number => [...text.slice(0, utf16)].length;
  return texts
    .map((text, i) => JSON.stringify({ originalText: text, entities: entities[i]!.map((e) => ({ label_type: e.label, start_pos: cp(text, e.start), end_pos: cp(text, e.end) })) }))
    .join('\n');
}

let engine: NerEngine;
let root: string;
let ccks2017Gold: string; // the CCKS 2017 head's own entities, only labels CCKS 2019 lacks → identifies ccks2017
let diseaseGold: string; // the served spans, all labelled 疾病和诊断: both data sets annotate it → ambiguous
let served: EntityMention[][];

beforeAll(async () => {
  engine = await createNerEngine({ modelDir: UNION, poolSize: 2, executionProviders: ['cpu'], log: () => undefined });
  const own17 = await engine.extractMany(texts, { head: 'ccks2017' });
  served = await engine.extractMany(texts);
  root = mkdtempSync(path.join(tmpdir(), 'ner-eval-heads-'));
  ccks2017Gold = path.join(root, 'ccks2017.txt');
  writeFileSync(ccks2017Gold, goldLines(own17));
  diseaseGold = path.join(root, 'disease.txt');
  writeFileSync(diseaseGold, goldLines(served.map((es) => es.map((e) => ({ ...e, label: '疾病和诊断' })))));
  // The test means something only if the served output loses some of the head's entities.
  expect(own17.flat().length).toBeGreaterThan(served.flat().filter((e) => ['症状和体征', '检查和检验', '治疗'].includes(e.label)).length);
});
afterAll(async () => {
  await engine?.close();
  rmSync(root, { recursive: true, force: true });
});

const records = (file: string): CcksRecord[] => readCcksRecords(readFileSync(file, 'utf8'));

describe('evaluateRecords on a multi-head model', () => {
  it('scores the head named after the data set the gold labels identify, on its own output', async () => {
    const result = await evaluateRecords(engine, records(ccks2017Gold));
    expect(result.head).toBe('ccks2017');
    expect(result.headReason).toBe('data set');
    expect(result.micro.gold).toBeGreaterThan(0);
    expect(result.micro).toMatchObject({ precision: 1, recall: 1 });
    // Default scored types: all of the head's labels, as CCKS 2017 annotates each (not the served union's ANATOMY of
    // 解剖部位, nor IMAGING and the like, which the data set lacks).
    expect([...result.types].sort()).toEqual(['ANATOMY', 'DISEASE', 'EXAM', 'SYMPTOM', 'TREATMENT']);
  });

  it('scores the merged output when the gold labels fit several data sets', async () => {
    const result = await evaluateRecords(engine, records(diseaseGold));
    expect(result).toMatchObject({ head: null, headReason: 'merged', types: ['DISEASE'] });
    const all = served.flat();
    const diseases = all.filter((e) => e.type === 'DISEASE').length;
    expect(result.micro).toMatchObject({ gold: all.length, predicted: diseases, correct: diseases });
  });

  it('scores a requested head, and --types filters what is scored', async () => {
    const other = await evaluateRecords(engine, records(ccks2017Gold), { head: 'ccks2019' });
    expect(other.head).toBe('ccks2019');
    expect(other.micro.recall).toBe(0); // the CCKS 2019 head has none of these labels
    const treatment = await evaluateRecords(engine, records(ccks2017Gold), { types: ['治疗'] });
    expect(treatment).toMatchObject({ head: 'ccks2017', types: ['TREATMENT'] });
    expect(Object.keys(treatment.perType)).toEqual(['TREATMENT']);
    await expect(evaluateRecords(engine, records(ccks2017Gold), { head: 'ccks2018' })).rejects.toMatchObject({ code: 'NER_UNKNOWN_HEAD' });
  });
});

describe('oncotimeline evaluate on a multi-head model', () => {
  const cli = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [CLI, 'evaluate', '--model', UNION, '--pool', '1', ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does) before the CLI tests`);
  });

  it('prints the head it scored, in --json and in the table footer', () => {
    const json = cli(['--data', ccks2017Gold, '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { head: string | null; micro: { f1: number } };
    expect(out).toMatchObject({ head: 'ccks2017', micro: { f1: 1 } });
    expect(cli(['--data', ccks2017Gold]).stdout).toMatch(/\nhead: ccks2017 \(named after the data set the gold labels identify\)\n$/u);
    expect(JSON.parse(cli(['--data', diseaseGold, '--json']).stdout)).toMatchObject({ head: null });
    expect(cli(['--data', diseaseGold]).stdout).toContain('head: merged output of all heads (');
    expect(JSON.parse(cli(['--data', ccks2017Gold, '--json', '--head', 'ccks2019']).stdout)).toMatchObject({ head: 'ccks2019' });
  });

  it('fails clearly on an unknown --head', () => {
    const r = cli(['--data', ccks2017Gold, '--head', 'ccks2018']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown head 'ccks2018': the model has 'ccks2019', 'ccks2017'");
  });
});
