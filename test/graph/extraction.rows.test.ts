import { describe, expect, it } from 'vitest';
import { conceptId } from '../../src/graph/concept-id.js';
import { eventTime, mentionRows, timexRows, type RecordExtraction } from '../../src/graph/extraction.rows.js';

const extraction: RecordExtraction = {
  record: { patientId: 'p1', recordId: 'r1', kind: 'PROGRESS', recordedAt: '2020-05-01', text: '2018-03-12行左乳癌改良根治术，复查ＣＴ' },
  entities: [
    { start: 11, end: 14, text: '左乳癌', label: '疾病和诊断', type: 'DISEASE', confidence: 0.9 },
    { start: 14, end: 19, text: '改良根治术', label: '手术', type: 'SURGERY', confidence: 0.8 },
    { start: 22, end: 24, text: 'ＣＴ', label: '影像检查', type: 'IMAGING', confidence: 0.7 },
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
      timexId: null, timeStart: '2020-05-01', timeEnd: '2020-05-01', timePrecision: 'DAY', undated: true, conceptId: 'IMAGING:ct',
    });
  });

  it('sorts mention rows by concept id (a global lock order for concurrent writers)', () => {
    const ids = mentionRows(extraction).map((r) => String(r.props['conceptId']));
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps unresolved TIMEX with their reason and no interval', () => {
    const rows = timexRows({ ...extraction, resolutions: [{ timexId: 'T1', interval: null, unresolvedReason: 'INVALID_DATE' }] });
    expect(rows[0]).toMatchObject({ id: 'r1:T1', localId: 'T1', intervalStart: null, unresolvedReason: 'INVALID_DATE' });
  });

  it('normalises concept names: NFKC, lower-case, no spaces', () => {
    expect(conceptId('DRUG', ' ＣＥＦ 方案')).toBe('DRUG:cef方案');
    expect(eventTime(undefined, '2020-01-02')).toEqual({ start: '2020-01-02', end: '2020-01-02', precision: 'DAY', approx: false, undated: true });
  });
});
