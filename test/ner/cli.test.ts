/**
 * The CLI commands run from dist/ (as installed); `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/entity.js';
import { createNerEngine, type NerEngine } from '../../src/ner/index.js';
import { openRecordPipeline, previewExtraction, type ExtractionPreview } from '../../src/pipeline/index.js';
import { mulberry32 } from '../fixtures/ner/test-model.js';
import { randomText, tempModel } from './engine-helpers.js';

const CLI = path.resolve('dist/cli/main.js');
const model = tempModel({ seed: 31 });
let engine: NerEngine;

function cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, MODEL_DIR: model.dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** UTF-16 offset → code-point index, to write gold files the way CCKS does. */
function cp(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does) before the CLI tests`);
  engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, executionProviders: ['cpu'] });
});
afterAll(async () => {
  await engine.close();
  model.cleanup();
});

describe('oncotimeline extract', () => {
  it('prints what the API previews (the record pipeline), from a file and from stdin', async () => {
    const text = randomText(mulberry32(2), 300, model.vocab);
    const file = path.join(model.dir, '..', 'record.txt');
    writeFileSync(file, `\uFEFF${text}`);
    const expected = await previewExtraction(await openRecordPipeline(engine), text, '2020-05-01');
    expect(expected.entities.length).toBeGreaterThan(0);
    const fromFile = cli(['extract', '--recorded-at', '2020-05-01', file]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toEqual(expected);
    const fromStdin = cli(['extract', '--model', model.dir, '--recorded-at', '2020-05-01', '-'], text);
    expect(JSON.parse(fromStdin.stdout)).toEqual(expected);
    expect(fromStdin.stderr).not.toContain(text.slice(0, 10)); // never logs record text
  });

  it('runs every stage, the therapy-term rule included (热疗 where the model tags only 后)', () => {
    const r = cli(['extract', '--model', 'test/fixtures/tiny-model', '-'], '热疗后');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ExtractionPreview;
    expect(out.stages.map((s) => s.name)).toEqual(['ner', 'rules', 'assertion', 'normalise', 'time']);
    expect(out.entities.map((e) => [e.start, e.end, e.text, e.label, e.type, e.confidence, e.assertion]))
      .toContainEqual([0, 2, '热疗', '治疗', 'TREATMENT', 1, 'PRESENT']);
  });

  it('rejects an impossible --recorded-at with exit 2', () => {
    const r = cli(['extract', '--recorded-at', '2018-02-30', '-'], '患者');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--recorded-at: expected a real date YYYY-MM-DD, got '2018-02-30'");
  });

  it('fails clearly on a missing model folder', () => {
    const r = cli(['extract', '--model', '/nonexistent/model', '-'], '患者');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('model folder /nonexistent/model is unusable');
  });
});

describe('oncotimeline evaluate', () => {
  it('scores a gold file built from known edits of the model output', async () => {
    const rand = mulberry32(9);
    const texts = Array.from({ length: 6 }, () => randomText(rand, 120, model.vocab));
    const predictions = await engine.extractMany(texts);
    let dropped = 0;
    let added = 0;
    const total = predictions.reduce((s, p) => s + p.length, 0);
    const lines = texts.map((text, i) => {
      const pred = predictions[i] as EntityMention[];
      const kept = pred.filter((_, k) => k % 3 !== 0); // the model's k%3==0 entities become false positives
      dropped += pred.length - kept.length;
      const gold = kept.map((e) => ({ label_type: e.label, start_pos: cp(text, e.start), end_pos: cp(text, e.end) }));
      // A gold entity the model did not find (a type it knows, a span it did not predict): a false negative.
      let free = -1;
      for (let k = 0; k < text.length && free < 0; k++) {
        const bmp = (text.codePointAt(k) as number) <= 0xffff && !/[\uDC00-\uDFFF]/u.test(text[k] as string);
        if (bmp && !pred.some((e) => e.start <= k && k < e.end)) free = k;
      }
      if (free >= 0) {
        gold.push({ label_type: '药物', start_pos: cp(text, free), end_pos: cp(text, free) + 1 });
        added++;
      }
      return JSON.stringify({ originalText: text, entities: gold });
    });
    const file = path.join(model.dir, '..', 'gold.txt');
    writeFileSync(file, `\uFEFF${lines.join('\n')}\n`);
    const r = cli(['evaluate', '--data', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { micro: { precision: number; recall: number; f1: number }; perType: Record<string, unknown>; records: number; head: string | null };
    expect(out.records).toBe(6);
    expect(out.head).toBe('tiny-test'); // a folder without `heads` has one head, named after the model
    const correct = total - dropped;
    expect(out.micro.precision).toBeCloseTo(correct / total, 10);
    expect(out.micro.recall).toBeCloseTo(correct / (correct + added), 10);
    expect(Object.keys(out.perType).sort()).toEqual(['DISEASE', 'DRUG', 'SURGERY']);
    expect(r.stderr).not.toContain('evaluating ['); // no progress bar off a TTY

    const onlyDrug = JSON.parse(cli(['evaluate', '--data', file, '--json', '--types', '药物']).stdout) as { perType: Record<string, unknown> };
    expect(Object.keys(onlyDrug.perType)).toEqual(['DRUG']);

    const table = cli(['evaluate', '--data', file]);
    expect(table.stdout).toMatch(/^type +P +R +F1/u);
    expect(table.stdout).toContain('records: 6\nhead: tiny-test (the model has one head)\n');
  });

  it('requires --data and reports bad lines', () => {
    expect(cli(['evaluate']).code).toBe(2);
    const file = path.join(model.dir, '..', 'bad.txt');
    writeFileSync(file, '{"originalText": 1}\n');
    const r = cli(['evaluate', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 1: originalText: expected a string, got number');
  });
});
