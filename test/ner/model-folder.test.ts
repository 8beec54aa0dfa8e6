import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNerEngine, loadModelFolder } from '../../src/ner/index.js';
import { buildOnnxModel } from '../../bench/src/onnx/graph-builder.js';
import { tempModel } from './engine-helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function model(): ReturnType<typeof tempModel> {
  const m = tempModel({ seed: 3 });
  cleanups.push(m.cleanup);
  return m;
}

function editJson(dir: string, file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path.join(dir, file), JSON.stringify(json));
}

async function loadError(dir: string): Promise<{ code: string; message: string }> {
  return loadModelFolder(dir).then(
    () => { throw new Error('expected the model folder to be rejected'); },
    (e: { code: string; message: string }) => e,
  );
}

describe('loadModelFolder', () => {
  it('loads a valid folder', async () => {
    const m = model();
    const folder = await loadModelFolder(m.dir);
    // No config.json `heads`: one head named after the model, on the contract's original files and output.
    expect(folder.heads.map((h) => [h.name, h.output, h.labelsFile])).toEqual([['tiny-test', 'emissions', 'labels.json']]);
    expect(folder.heads[0]!.scheme.labels).toEqual(m.labels);
    expect(folder.heads[0]!.crf.numLabels).toBe(m.labels.length);
    expect(folder.heads[0]!.serve).toEqual(['疾病和诊断', '手术', '药物']);
    expect(folder.labels).toEqual(['疾病和诊断', '手术', '药物']);
    expect(folder.window).toEqual({ size: 32, overlap: 8 });
    expect(folder.platformTypes).toEqual(['DISEASE', 'SURGERY', 'DRUG']);
  });

  it('names a missing folder', async () => {
    const e = await loadError('/nonexistent/model');
    expect(e.code).toBe('NER_MODEL_LOAD_FAILED');
    expect(e.message).toBe('model folder /nonexistent/model is unusable:\n  - the folder does not exist');
  });

  it('lists every missing file at once', async () => {
    const m = model();
    rmSync(path.join(m.dir, 'crf.json'));
    rmSync(path.join(m.dir, 'vocab.txt'));
    expect((await loadError(m.dir)).message).toMatch(/- missing vocab\.txt\n {2}- missing crf\.json$/u);
  });

  it('names a missing ONNX file', async () => {
    const m = model();
    rmSync(path.join(m.dir, 'model.onnx'));
    expect((await loadError(m.dir)).message).toContain('missing model.onnx');
  });

  it('rejects a CRF whose size differs from the label count', async () => {
    const m = model();
    editJson(m.dir, 'labels.json', (j) => { j['labels'] = (j['labels'] as string[]).slice(0, 9); });
    const e = await loadError(m.dir);
    expect(e.message).toContain('crf.json transitions: expected 9×9 (labels.json has 9 labels), got 13 rows');
    expect(e.message).toContain('crf.json start: expected 9 finite numbers, got 13 entries');
  });

  it('rejects a vocabulary without [UNK]', async () => {
    const m = model();
    const file = path.join(m.dir, 'vocab.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[UNK]\n', 'unk\n'));
    expect((await loadError(m.dir)).message).toContain('vocab.txt lacks [UNK]');
  });

  it('rejects corrupt JSON, a bad scheme, an oversized window and mismatched types', async () => {
    const m = model();
    writeFileSync(path.join(m.dir, 'crf.json'), '{"transitions": [');
    expect((await loadError(m.dir)).message).toMatch(/crf\.json is not valid JSON/u);

    const n = model();
    editJson(n.dir, 'labels.json', (j) => { j['scheme'] = 'BIO'; });
    editJson(n.dir, 'config.json', (j) => { j['window'] = { size: 40, overlap: 8 }; j['types'] = ['疾病和诊断']; });
    const e = await loadError(n.dir);
    expect(e.message).toContain("labels.json scheme: expected 'BIOES', got \"BIO\"");
    expect(e.message).toContain('config.json window.size 40 exceeds maxLength − 2 = 32');
    expect(e.message).toContain('config.json types ["疾病和诊断"] do not match labels.json types ["疾病和诊断","手术","药物"]');
  });

  it('rejects labels with no platform type', async () => {
    const m = model();
    editJson(m.dir, 'labels.json', (j) => { j['labels'] = (j['labels'] as string[]).map((l) => l.replace('药物', '未知类')); });
    editJson(m.dir, 'config.json', (j) => { delete j['types']; });
    expect((await loadError(m.dir)).message).toContain("type '未知类' has no platform type");
  });
});

describe('createNerEngine with a broken ONNX graph', () => {
  it('fails fast on a corrupt model.onnx', async () => {
    const m = model();
    writeFileSync(path.join(m.dir, 'model.onnx'), 'not a protobuf');
    await expect(createNerEngine({ modelDir: m.dir, poolSize: 2, executionProviders: ['cpu'] })).rejects.toMatchObject({
      code: 'NER_MODEL_LOAD_FAILED',
      message: expect.stringContaining(`cannot open ${path.join(m.dir, 'model.onnx')}`) as unknown,
    });
  });

  it('fails fast when the graph lacks the contract inputs', async () => {
    const m = model();
    const identity = buildOnnxModel({
      name: 'wrong-io',
      inputs: [{ name: 'ids', type: 'float32', shape: ['b', 'n', 13] }],
      outputs: [{ name: 'emissions', type: 'float32', shape: ['b', 'n', 13] }],
      initializers: [],
      nodes: [{ op: 'Identity', inputs: ['ids'], outputs: ['emissions'] }],
    });
    writeFileSync(path.join(m.dir, 'model.onnx'), identity);
    await expect(createNerEngine({ modelDir: m.dir, poolSize: 1, executionProviders: ['cpu'] })).rejects.toMatchObject({
      code: 'NER_MODEL_LOAD_FAILED',
      message: expect.stringContaining('expected inputs input_ids, attention_mask and output emissions') as unknown,
    });
  });

  it('fails fast when the emissions width differs from labels.json', async () => {
    const m = model();
    // Same graph, two fewer labels: drop the last type from labels.json, crf.json and config.json.
    editJson(m.dir, 'labels.json', (j) => { j['labels'] = (j['labels'] as string[]).slice(0, 9); });
    editJson(m.dir, 'crf.json', (j) => {
      j['transitions'] = (j['transitions'] as number[][]).slice(0, 9).map((r) => r.slice(0, 9));
      j['start'] = (j['start'] as number[]).slice(0, 9);
      j['end'] = (j['end'] as number[]).slice(0, 9);
    });
    editJson(m.dir, 'config.json', (j) => { j['types'] = ['疾病和诊断', '手术']; });
    await expect(createNerEngine({ modelDir: m.dir, poolSize: 1, executionProviders: ['cpu'] })).rejects.toMatchObject({
      code: 'NER_MODEL_LOAD_FAILED',
      message: expect.stringContaining('emissions dims [1, 3, 13], expected [1, 3, 9] (labels.json has 9 labels)') as unknown,
    });
  });
});
