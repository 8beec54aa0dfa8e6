import { describe, expect, it } from 'vitest';
import { codePointToUtf16, readCcksRecords } from '../../src/ner/evaluation/ccks-reader.js';
import { scoredLabels } from '../../src/ner/evaluation/datasets.js';
import { SpanScorer } from '../../src/ner/evaluation/score.js';

describe('readCcksRecords', () => {
  it('reads UTF-8 with a BOM, skips blank lines and converts code-point offsets to UTF-16', () => {
    const line = JSON.stringify({ originalText: '𠮷左肺癌', entities: [{ label_type: '疾病和诊断', overlap: 0, start_pos: 1, end_pos: 4 }] });
    const records = readCcksRecords(`\uFEFF${line}\n\n${JSON.stringify({ originalText: 'x', entities: [] })}\r\n`);
    expect(records).toEqual([
      { line: 1, text: '𠮷左肺癌', gold: [{ start: 2, end: 5, label: '疾病和诊断' }] },
      { line: 3, text: 'x', gold: [] },
    ]);
    expect('𠮷左肺癌'.slice(2, 5)).toBe('左肺癌');
  });

  it('names the line of bad input', () => {
    expect(() => readCcksRecords('{"originalText": "ab"}\n{oops')).toThrow(/^line 2: not valid JSON/u);
    expect(() => readCcksRecords('{"entities": []}')).toThrow('line 1: originalText: expected a string, got undefined');
    expect(() => readCcksRecords('{"originalText":"𠮷a","entities":[{"start_pos":1,"end_pos":3,"label_type":"药物"}]}')).toThrow(
      'line 1: entities[0]: expected 0 ≤ start_pos < end_pos ≤ 2 (code points), got 1..3',
    );
  });

  it('maps code points to UTF-16 units', () => {
    expect([...codePointToUtf16('a😀b')]).toEqual([0, 1, 3, 4]);
    expect([...codePointToUtf16('')]).toEqual([0]);
  });
});

describe('scoredLabels', () => {
  const union = ['疾病和诊断', '影像检查', '实验室检验', '手术', '药物', '解剖部位', '症状和体征', '检查和检验', '治疗'];
  it('adds the model labels the data set annotates, not the others', () => {
    expect(scoredLabels(['疾病和诊断', '手术'], union).sort()).toEqual(['实验室检验', '影像检查', '手术', '疾病和诊断', '药物', '解剖部位'].sort());
    expect(scoredLabels(['症状和体征'], union).sort()).toEqual(['检查和检验', '治疗', '疾病和诊断', '症状和体征'].sort());
  });
  it('adds only labels every fitting data set annotates when the gold labels are ambiguous', () => {
    expect(scoredLabels(['疾病和诊断'], union)).toEqual(['疾病和诊断']);
  });
  it('keeps gold labels of unknown data sets as they are', () => {
    expect(scoredLabels(['新类型'], union)).toEqual(['新类型']);
  });
});

describe('SpanScorer', () => {
  it('scores strict (start, end, type) matches, micro and per type, ignoring unscored types', () => {
    const scorer = new SpanScorer(['DISEASE', 'DRUG']);
    scorer.add(
      [{ start: 0, end: 3, type: 'DISEASE' }, { start: 5, end: 7, type: 'DRUG' }, { start: 9, end: 10, type: 'DRUG' }],
      [
        { start: 0, end: 3, type: 'DISEASE' }, // correct
        { start: 5, end: 6, type: 'DRUG' }, // wrong end
        { start: 9, end: 10, type: 'DISEASE' }, // wrong type
        { start: 12, end: 14, type: 'SURGERY' }, // not scored
      ],
    );
    const s = scorer.scores();
    expect(s.micro).toMatchObject({ gold: 3, predicted: 3, correct: 1 });
    expect(s.micro.precision).toBeCloseTo(1 / 3);
    expect(s.micro.f1).toBeCloseTo(1 / 3);
    expect(s.perType['DISEASE']).toMatchObject({ gold: 1, predicted: 2, correct: 1, precision: 0.5, recall: 1 });
    expect(s.perType['DRUG']).toMatchObject({ gold: 2, predicted: 1, correct: 0, precision: 0, recall: 0, f1: 0 });
    expect(s.perType['SURGERY']).toBeUndefined();
  });
});
