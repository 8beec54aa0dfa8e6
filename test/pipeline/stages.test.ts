/** Each stage on its own: what it reads, what it writes, how it fails. */
import { describe, expect, it } from 'vitest';
import type { ConceptRef, EntityType } from '../../src/domain/entity.js';
import {
  assertionStage, nerStage, normaliseStage, therapyRulesStage, timeStage, type RecordDocument,
} from '../../src/pipeline/index.js';
import { detectAssertions } from '../../src/assertion/index.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';

function doc(text: string, recordedAt = '2020-05-01'): RecordDocument {
  return { text, recordedAt };
}

describe('ner stage', () => {
  it('writes the extractor entities and names the model in its version', async () => {
    const stage = nerStage(dictionaryNer());
    expect([stage.name, stage.version, stage.requires, stage.provides]).toEqual(['ner', 'dictionary@test-1', [], ['entities']]);
    const d = doc('行左乳癌改良根治术');
    await stage.run(d);
    expect(d.entities?.map((e) => [e.text, e.type])).toEqual([['左乳癌', 'DISEASE'], ['改良根治术', 'SURGERY']]);
  });
});

describe('rules stage', () => {
  it('adds therapy modalities the model did not tag, never over a model entity', () => {
    const d = doc('术后行紫杉醇化疗，放疗');
    d.entities = [{ start: 3, end: 6, text: '紫杉醇', label: '药物', type: 'DRUG', confidence: 0.9 }];
    therapyRulesStage().run(d);
    expect(d.entities.map((e) => [e.text, e.type])).toEqual([['紫杉醇', 'DRUG'], ['化疗', 'TREATMENT'], ['放疗', 'TREATMENT']]);
  });
});

describe('assertion stage', () => {
  it('writes one meaning per entity, from the detector', () => {
    const d = doc('患者无发热。母亲患卵巢癌。');
    d.entities = [
      { start: 3, end: 5, text: '发热', label: '症状和体征', type: 'SYMPTOM', confidence: 1 },
      { start: 9, end: 12, text: '卵巢癌', label: '疾病和诊断', type: 'DISEASE', confidence: 1 },
    ];
    assertionStage(detectAssertions, 'rules@1').run(d);
    expect(d.assertions?.map((a) => [a.assertion, a.subject])).toEqual([['ABSENT', 'PATIENT'], ['PRESENT', 'FAMILY']]);
  });

  it('refuses a detector that answers for a different number of mentions', () => {
    const d = doc('无发热');
    d.entities = [{ start: 1, end: 3, text: '发热', label: 'x', type: 'SYMPTOM', confidence: 1 }];
    expect(() => assertionStage(() => [], 'x').run(d)).toThrow('assertion: expected 1 results, got 0');
  });
});

describe('normalise stage', () => {
  it('codes each distinct (type, text) once and leaves null where nothing fits', () => {
    const calls: string[] = [];
    const c50: ConceptRef = { system: 'ICD10', code: 'C50.9', name: '乳腺恶性肿瘤', ancestors: [], score: 1 };
    const index = {
      version: 'v',
      normalise(type: EntityType, text: string): ConceptRef | null {
        calls.push(`${type}:${text}`);
        return text === '乳腺癌' ? c50 : null;
      },
    };
    const d = doc('乳腺癌，乳腺癌，CT');
    d.entities = [
      { start: 0, end: 3, text: '乳腺癌', label: 'x', type: 'DISEASE', confidence: 1 },
      { start: 4, end: 7, text: '乳腺癌', label: 'x', type: 'DISEASE', confidence: 1 },
      { start: 8, end: 10, text: 'CT', label: 'x', type: 'IMAGING', confidence: 1 },
    ];
    normaliseStage(index).run(d);
    expect(d.concepts).toEqual([c50, c50, null]);
    expect(calls).toEqual(['DISEASE:乳腺癌', 'IMAGING:CT']);
  });
});

describe('time stage', () => {
  it('links events to their time expressions and resolves them against the record date', async () => {
    const d = doc('2018-03-12行左乳癌改良根治术', '2018-03-20');
    await nerStage(dictionaryNer()).run(d);
    timeStage().run(d);
    expect(d.time?.timexes.map((t) => t.text)).toEqual(['2018-03-12']);
    expect(d.time?.links.find((l) => l.entityStart === 14)?.timexId).toBe('T1'); // 改良根治术
    expect(d.time?.resolutions[0]?.interval).toMatchObject({ start: '2018-03-12', end: '2018-03-12' });
  });
});
