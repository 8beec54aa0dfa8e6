/** The platform's pipeline, in its order, with the dictionary tagger and the shipped concept index. */
import { describe, expect, it } from 'vitest';
import { previewExtraction } from '../../src/pipeline/index.js';
import { testPipeline } from '../helpers/test-pipeline.js';

describe('record pipeline', () => {
  it('runs ner → rules → assertion → normalise → time', () => {
    expect(testPipeline().stages.map((s) => s.name)).toEqual(['ner', 'rules', 'assertion', 'normalise', 'time']);
    expect(testPipeline().model).toEqual({ name: 'dictionary', version: 'test-1' });
  });

  it('gives each mention its assertion, subject and concept', async () => {
    const r = await testPipeline().run({ text: '患者无发热，否认乳腺癌家族史。母亲患卵巢癌。2018-03-12行左乳癌改良根治术。', recordedAt: '2018-03-20' });
    const by = new Map(r.entities.map((e) => [e.text, e]));
    expect(by.get('发热')).toMatchObject({ assertion: 'ABSENT', subject: 'PATIENT' });
    expect(by.get('乳腺癌')).toMatchObject({ assertion: 'ABSENT', subject: 'FAMILY' });
    expect(by.get('卵巢癌')).toMatchObject({ assertion: 'PRESENT', subject: 'FAMILY' });
    expect(by.get('左乳癌')).toMatchObject({ assertion: 'PRESENT', subject: 'PATIENT' });
    expect(by.get('左乳癌')?.concept).toMatchObject({ system: 'ICD10' });
    expect(by.get('左乳癌')?.concept?.code.startsWith('C50')).toBe(true);
    expect(by.get('左乳癌')?.concept?.ancestors.map((a) => a.code)).toContain('C50');
    expect(by.get('卵巢癌')?.concept?.code.startsWith('C56')).toBe(true);
  });

  it('previews what it stores: the same mentions, with cue, concept id and time', async () => {
    const p = testPipeline();
    const text = '无发热。2018-03-12行左乳癌改良根治术。';
    const [run, preview] = [await p.run({ text, recordedAt: '2018-03-20' }), await previewExtraction(p, text, '2018-03-20')];
    expect(preview.entities.map((e) => [e.text, e.start, e.end, e.type, e.assertion, e.subject, e.concept?.code ?? null]))
      .toEqual(run.entities.map((e) => [e.text, e.start, e.end, e.type, e.assertion, e.subject, e.concept?.code ?? null]));
    expect(preview.entities[0]).toMatchObject({ text: '发热', assertion: 'ABSENT', cue: '无' });
    expect(preview.stages.map((s) => s.name)).toEqual(['ner', 'rules', 'assertion', 'normalise', 'time']);
    const surgery = preview.entities.find((e) => e.type === 'SURGERY');
    expect(surgery?.time).toMatchObject({ start: '2018-03-12', undated: false });
  });
});
