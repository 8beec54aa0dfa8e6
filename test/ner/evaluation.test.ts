import { describe, expect, it } from 'vitest';
import { codePointToUtf16, readCcksRecords } from '../../src/ner/evaluation/ccks-reader.js';
import { identifyDataset, scoredLabels } from '../../src/ner/evaluation/datasets.js';
import { chooseHead } from '../../src/ner/evaluation/head-choice.js';
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

describe('identifyDataset', () => {
  it('names the only known data set whose labels contain every gold label', () => {
    expect(identifyDataset(['症状和体征', '身体部位', '疾病和诊断'])).toBe('ccks2017');
    expect(identifyDataset(['手术', '解剖部位'])).toBe('ccks2019');
  });
  it('is null when several data sets fit (or no gold labels) and when none does', () => {
    expect(identifyDataset(['疾病和诊断'])).toBeNull();
    expect(identifyDataset([])).toBeNull();
    expect(identifyDataset(['手术', '症状和体征'])).toBeNull();
    expect(identifyDataset(['新类型'])).toBeNull();
  });
});

describe('chooseHead', () => {
  const union = [{ name: 'ccks2019' }, { name: 'ccks2017' }];
  it('picks the head named after the data set the gold labels identify', () => {
    expect(chooseHead(union, ['症状和体征', '治疗'])).toEqual({ head: 'ccks2017', reason: 'data set' });
    expect(chooseHead(union, ['药物'])).toEqual({ head: 'ccks2019', reason: 'data set' });
  });
  it('falls back to the merged output when the data set is ambiguous, unknown or has no head', () => {
    expect(chooseHead(union, ['疾病和诊断'])).toEqual({ head: null, reason: 'merged' });
    expect(chooseHead(union, ['新类型'])).toEqual({ head: null, reason: 'merged' });
    expect(chooseHead([{ name: 'ccks2019' }, { name: 'cmeee' }], ['症状和体征'])).toEqual({ head: null, reason: 'merged' });
  });
  it('uses the only head of a single-head model, whatever its name', () => {
    expect(chooseHead([{ name: 'tiny-test' }], ['症状和体征'])).toEqual({ head: 'tiny-test', reason: 'only head' });
  });
  it('obeys a requested head and rejects an unknown one with NER_UNKNOWN_HEAD', () => {
    expect(chooseHead(union, ['症状和体征'], 'ccks2019')).toEqual({ head: 'ccks2019', reason: 'requested' });
    expect(() => chooseHead(union, [], 'ccks2018')).toThrow(expect.objectContaining({ code: 'NER_UNKNOWN_HEAD', message: "unknown head 'ccks2018': the model has 'ccks2019', 'ccks2017'" }));
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
