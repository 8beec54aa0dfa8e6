/**
 * Loading and validating multi-head model folders (config.json `heads`), on throwaway copies of the tiny union
 * fixture written by `python -m oncotimeline_train.make_fixture --union`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNerEngine, loadModelFolder } from '../../src/ner/index.js';

const UNION = path.resolve('test/fixtures/tiny-union-model');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function unionCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ner-union-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const dir = path.join(root, 'model');
  cpSync(UNION, dir, { recursive: true });
  return dir;
}

type Head = Record<string, unknown>;

function editConfig(dir: string, edit: (config: Record<string, unknown> & { heads: Head[] }) => void): void {
  const file = path.join(dir, 'config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { heads: Head[] };
  edit(config);
  writeFileSync(file, JSON.stringify(config));
}

async function loadError(dir: string): Promise<{ code: string; message: string }> {
  return loadModelFolder(dir).then(
    () => { throw new Error('expected the model folder to be rejected'); },
    (e: { code: string; message: string }) => e,
  );
}

const CCKS2019 = ['疾病和诊断', '影像检查', '实验室检验', '手术', '药物', '解剖部位'];
const CCKS2017 = ['症状和体征', '检查和检验', '疾病和诊断', '治疗', '身体部位'];

describe('loadModelFolder with heads', () => {
  it('loads each head with its own output, labels, CRF and served labels', async () => {
    const folder = await loadModelFolder(UNION);
    expect(folder.heads.map((h) => [h.name, h.output, h.labelsFile, h.crf.numLabels])).toEqual([
      ['ccks2019', 'emissions', 'labels.json', 25],
      ['ccks2017', 'emissions_ccks2017', 'labels-ccks2017.json', 21],
    ]);
    expect(folder.heads[0]!.scheme.types).toEqual(CCKS2019);
    expect(folder.heads[0]!.serve).toEqual(CCKS2019); // no `serve`: all of its types
    expect(folder.heads[0]!.nestOver).toEqual([]); // no `nestOver`: none
    expect(folder.heads[1]!.scheme.types).toEqual(CCKS2017);
    expect(folder.heads[1]!.platformTypes).toEqual(['SYMPTOM', 'EXAM', 'DISEASE', 'TREATMENT', 'ANATOMY']);
    expect(folder.heads[1]!.serve).toEqual(['症状和体征', '检查和检验', '治疗']);
    expect(folder.heads[1]!.nestOver).toEqual(['解剖部位']); // a symptom may contain CCKS 2019's body part
    // Served labels: the union of `serve` in head order; 疾病和诊断 of the second head is not served twice.
    expect(folder.labels).toEqual([...CCKS2019, '症状和体征', '检查和检验', '治疗']);
    expect(folder.platformTypes).toEqual(['DISEASE', 'IMAGING', 'LAB_TEST', 'SURGERY', 'DRUG', 'ANATOMY', 'SYMPTOM', 'EXAM', 'TREATMENT']);
  });

  it('needs neither labels.json nor crf.json when no head names them', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => {
      c.heads = [c.heads[1]!];
      delete c.heads[0]!['nestOver']; // the first head nests over nothing
      c['types'] = ['症状和体征', '检查和检验', '治疗'];
    });
    rmSync(path.join(dir, 'labels.json'));
    rmSync(path.join(dir, 'crf.json'));
    const folder = await loadModelFolder(dir);
    expect(folder.heads.map((h) => h.name)).toEqual(['ccks2017']);
    expect(folder.labels).toEqual(['症状和体征', '检查和检验', '治疗']);
  });

  it('lists the missing files of every head', async () => {
    const dir = unionCopy();
    rmSync(path.join(dir, 'labels-ccks2017.json'));
    rmSync(path.join(dir, 'crf-ccks2017.json'));
    const e = await loadError(dir);
    expect(e.code).toBe('NER_MODEL_LOAD_FAILED');
    expect(e.message).toMatch(/- missing labels-ccks2017\.json\n {2}- missing crf-ccks2017\.json$/u);
  });

  it("rejects a head's CRF sized for another label count, naming the head's files", async () => {
    const dir = unionCopy();
    writeFileSync(path.join(dir, 'crf-ccks2017.json'), readFileSync(path.join(dir, 'crf.json')));
    const e = await loadError(dir);
    expect(e.message).toContain('crf-ccks2017.json transitions: expected 21×21 (labels-ccks2017.json has 21 labels), got 25 rows');
    expect(e.message).toContain('crf-ccks2017.json start: expected 21 finite numbers, got 25 entries');
  });

  it('rejects duplicate head names, serve labels outside the types, and types that differ from the labels file', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => {
      c.heads[1]!['name'] = 'ccks2019';
      c.heads[1]!['serve'] = ['症状和体征', '药物'];
    });
    const e = await loadError(dir);
    expect(e.code).toBe('NER_MODEL_LOAD_FAILED');
    expect(e.message).toContain("config.json heads[1] (ccks2019): duplicate head name 'ccks2019'");
    expect(e.message).toContain('config.json heads[1] (ccks2019) serve ["药物"] not among the head\'s types ["症状和体征","检查和检验","疾病和诊断","治疗","身体部位"]');

    const other = unionCopy();
    editConfig(other, (c) => { c.heads[1]!['types'] = ['症状和体征', '检查和检验', '疾病和诊断', '治疗', '解剖部位']; });
    expect((await loadError(other)).message).toContain(
      'config.json heads[1] (ccks2017) types ["症状和体征","检查和检验","疾病和诊断","治疗","解剖部位"] do not match labels-ccks2017.json types ["症状和体征","检查和检验","疾病和诊断","治疗","身体部位"]',
    );
  });

  it('rejects malformed head entries, each with its place', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => {
      c.heads = [c.heads[0]!, { name: 'x', labels: 'labels.json', crf: '../crf.json', serve: [] }, 'ccks2017'] as Head[];
    });
    const e = await loadError(dir);
    expect(e.message).toContain('config.json heads[1] (x) output: expected a non-empty string, got nothing');
    expect(e.message).toContain("config.json heads[1] (x) crf: '../crf.json' is not a file inside the model folder");
    expect(e.message).toContain('config.json heads[1] (x) serve: expected a non-empty array of labels, got []');
    expect(e.message).toContain('config.json heads[2]: expected an object {name, output, labels, crf, types, serve?, nestOver?}');

    const empty = unionCopy();
    editConfig(empty, (c) => { c.heads = []; });
    expect((await loadError(empty)).message).toContain('config.json heads: expected a non-empty array of head objects, got []');
  });

  it('loads nestOver: labels served by earlier heads, [] by default', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => {
      c.heads[0]!['nestOver'] = [];
      c.heads[1]!['nestOver'] = ['解剖部位', '疾病和诊断'];
    });
    const folder = await loadModelFolder(dir);
    expect(folder.heads.map((h) => h.nestOver)).toEqual([[], ['解剖部位', '疾病和诊断']]);
    // Nesting changes no served label.
    expect(folder.labels).toEqual([...CCKS2019, '症状和体征', '检查和检验', '治疗']);

    const single = await loadModelFolder('test/fixtures/tiny-model');
    expect(single.heads.map((h) => h.nestOver)).toEqual([[]]);
  });

  it('rejects a malformed nestOver, one on the first head, and labels no earlier head serves, listing them all', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => {
      c.heads[0]!['nestOver'] = ['症状和体征'];
      // 身体部位: a label of this head, served by none; 症状和体征: served by this head only; 治疗: by a later head.
      c.heads[1]!['nestOver'] = ['解剖部位', '身体部位', '症状和体征'];
      c.heads.push({ name: 'third', output: 'emissions', labels: 'labels.json', crf: 'crf.json', serve: ['手术'], nestOver: ['治疗', '药物'] });
      c['types'] = [...CCKS2019, '症状和体征', '检查和检验', '治疗'];
    });
    const e = await loadError(dir);
    expect(e.code).toBe('NER_MODEL_LOAD_FAILED');
    expect(e.message).toContain(
      'config.json heads[0] (ccks2019) nestOver: must be empty for the first head (no earlier head to nest over), got ["症状和体征"]',
    );
    expect(e.message).toContain(`config.json heads[1] (ccks2017) nestOver ["身体部位","症状和体征"] not served by an earlier head (served before it: ${JSON.stringify(CCKS2019)})`);
    expect(e.message).not.toContain('heads[2] (third) nestOver'); // 治疗 and 药物 are served by heads 1 and 0

    const malformed = unionCopy();
    editConfig(malformed, (c) => {
      c.heads[1]!['nestOver'] = '解剖部位';
      c.heads.push({ ...c.heads[0]!, name: 'third', nestOver: ['解剖部位', 3] });
    });
    const m = await loadError(malformed);
    expect(m.message).toContain('config.json heads[1] (ccks2017) nestOver: expected an array of labels of earlier heads, got "解剖部位"');
    expect(m.message).toContain('config.json heads[2] (third) nestOver: expected an array of labels of earlier heads, got ["解剖部位",3]');
  });

  it('checks config.json types against the served union', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => { c['types'] = CCKS2019; });
    expect((await loadError(dir)).message).toContain(
      `config.json types ${JSON.stringify(CCKS2019)} do not match the heads' served labels ${JSON.stringify([...CCKS2019, '症状和体征', '检查和检验', '治疗'])}`,
    );
  });
});

describe('createNerEngine with heads the graph does not match', () => {
  it('fails fast when a head names an output the graph lacks', async () => {
    const dir = unionCopy();
    editConfig(dir, (c) => { c.heads[1]!['output'] = 'emissions_ccks2018'; });
    await expect(createNerEngine({ modelDir: dir, poolSize: 1, executionProviders: ['cpu'] })).rejects.toMatchObject({
      code: 'NER_MODEL_LOAD_FAILED',
      message: expect.stringContaining('expected inputs input_ids, attention_mask and outputs emissions, emissions_ccks2018') as unknown,
    });
  });

  it("fails fast when a head's output width differs from its labels", async () => {
    const dir = unionCopy();
    // Swap the heads' outputs: each CRF now reads the other head's emissions (25 vs 21 labels).
    editConfig(dir, (c) => {
      c.heads[0]!['output'] = 'emissions_ccks2017';
      c.heads[1]!['output'] = 'emissions';
    });
    await expect(createNerEngine({ modelDir: dir, poolSize: 1, executionProviders: ['cpu'] })).rejects.toMatchObject({
      code: 'NER_MODEL_LOAD_FAILED',
      message: expect.stringContaining('emissions_ccks2017 dims [1, 3, 21], expected [1, 3, 25] (labels.json has 25 labels)') as unknown,
    });
  });
});
