import { describe, expect, it } from 'vitest';
import type { AnnotatedMention, ConceptRef, EntityMention } from '../../src/domain/entity.js';
import { conceptRows, eventTime, mentionRows, timexRows, type RecordExtraction } from '../../src/graph/extraction.rows.js';
import { termId } from '../../src/graph/term-id.js';

const C50_9: ConceptRef = {
  system: 'ICD10', code: 'C50.9', name: '乳腺恶性肿瘤', score: 0.9,
  ancestors: [{ system: 'ICD10', code: 'C50', name: '乳房恶性肿瘤' }, { system: 'ICD10', code: 'C00-D48', name: '肿瘤' }],
};

function annotated(e: EntityMention, extra: Partial<AnnotatedMention> = {}): AnnotatedMention {
  return { ...e, assertion: 'PRESENT', subject: 'PATIENT', concept: null, ...extra };
}

const extraction: RecordExtraction = {
  record: { patientId: 'p1', recordId: 'r1', kind: 'PROGRESS', recordedAt: '2020-05-01', text: '2018-03-12行左乳癌改良根治术，复查ＣＴ' },
  entities: [
    annotated({ start: 11, end: 14, text: '左乳癌', label: '疾病和诊断', type: 'DISEASE', confidence: 0.9 }, { concept: C50_9 }),
    annotated({ start: 14, end: 19, text: '改良根治术', label: '手术', type: 'SURGERY', confidence: 0.8 }),
    annotated({ start: 22, end: 24, text: 'ＣＴ', label: '影像检查', type: 'IMAGING', confidence: 0.7 }, { assertion: 'ABSENT' }),
  ],
  timexes: [{ id: 'T1', start: 0, end: 10, text: '2018-03-12', kind: 'DATE', value: '2018-03-12', approx: false }],
  links: [
    { entityStart: 11, entityEnd: 14, timexId: 'T1' },
    { entityStart: 14, entityEnd: 19, timexId: 'T1' },
    { entityStart: 22, entityEnd: 24, timexId: null },
  ],
  resolutions: [{ timexId: 'T1', interval: { start: '2018-03-12', end: '2018-03-12', precision: 'DAY', approx: false } }],
  model: { name: 'm', version: '1' },
};

describe('extraction rows', () => {
  it('gives linked events the TIMEX interval and unlinked ones the record date, flagged undated', () => {
    const rows = mentionRows(extraction);
    const byText = new Map(rows.map((r) => [r.props['text'], r.props]));
    expect(byText.get('改良根治术')).toMatchObject({ id: 'r1:14-19', timexId: 'r1:T1', timeStart: '2018-03-12', undated: false });
    expect(byText.get('ＣＴ')).toMatchObject({
      timexId: null, timeStart: '2020-05-01', timeEnd: '2020-05-01', timePrecision: 'DAY', undated: true, termId: 'IMAGING:ct',
      assertion: 'ABSENT', subject: 'PATIENT', conceptId: null, conceptCode: null,
    });
    expect(byText.get('左乳癌')).toMatchObject({
      assertion: 'PRESENT', conceptId: 'ICD10:C50.9', conceptSystem: 'ICD10', conceptCode: 'C50.9', conceptName: '乳腺恶性肿瘤',
    });
  });

  it('sorts mention rows by term id (a global lock order for concurrent writers)', () => {
    const ids = mentionRows(extraction).map((r) => String(r.props['termId']));
    expect(ids).toEqual([...ids].sort());
  });

  it('writes each concept and ancestor once, sorted by id, with one IS_A edge per step', () => {
    const twice = { ...extraction, entities: [...extraction.entities, annotated({ start: 0, end: 3, text: '乳腺癌', label: '疾病和诊断', type: 'DISEASE', confidence: 1 }, { concept: C50_9 })] };
    const { concepts, links } = conceptRows(twice);
    expect(concepts.map((c) => c.id)).toEqual(['ICD10:C00-D48', 'ICD10:C50', 'ICD10:C50.9']);
    expect(concepts[2]).toEqual({ id: 'ICD10:C50.9', system: 'ICD10', code: 'C50.9', name: '乳腺恶性肿瘤' });
    expect(links).toEqual([
      { child: 'ICD10:C50', parent: 'ICD10:C00-D48' },
      { child: 'ICD10:C50.9', parent: 'ICD10:C50' },
    ]);
    expect(conceptRows({ ...extraction, entities: [] })).toEqual({ concepts: [], links: [] });
  });

  it('keeps unresolved TIMEX with their reason and no interval', () => {
    const rows = timexRows({ ...extraction, resolutions: [{ timexId: 'T1', interval: null, unresolvedReason: 'INVALID_DATE' }] });
    expect(rows[0]).toMatchObject({ id: 'r1:T1', localId: 'T1', intervalStart: null, unresolvedReason: 'INVALID_DATE' });
  });

  it('normalises term names: NFKC, lower-case, no spaces', () => {
    expect(termId('DRUG', ' ＣＥＦ 方案')).toBe('DRUG:cef方案');
    expect(eventTime(undefined, '2020-01-02')).toEqual({ start: '2020-01-02', end: '2020-01-02', precision: 'DAY', approx: false, undated: true });
  });
});
