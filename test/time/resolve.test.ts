import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/entity.js';
import type { Timex } from '../../src/domain/time.js';
import { analyseTime, resolveTimeline } from '../../src/time/index.js';
import { mentions } from './helpers.js';

const timex = (id: string, kind: Timex['kind'], value: string, extra: Partial<Timex> = {}): Timex => ({
  id, start: 0, end: 1, text: value, kind, value, approx: false, ...extra,
});

function resolveOne(t: Timex, recordedAt = '2018-05-10') {
  const [r] = resolveTimeline({ recordedAt, timexes: [t], links: [], entities: [], priorEvents: [] });
  return r;
}

describe('DATE', () => {
  const table: [string, string | null, string | null, string | null, string?][] = [
    ['2018-03', '2018-03-01', '2018-03-31', 'MONTH'],
    ['2016-02', '2016-02-01', '2016-02-29', 'MONTH'],
    ['2015', '2015-01-01', '2015-12-31', 'YEAR'],
    ['2018-03-12', '2018-03-12', '2018-03-12', 'DAY'],
    ['2018-03-12T03:00', '2018-03-12', '2018-03-12', 'MINUTE'],
    ['2018-02-30', null, null, null, 'INVALID_DATE'],
    ['2019-02-29', null, null, null, 'INVALID_DATE'],
    ['2018-13', null, null, null, 'INVALID_DATE'],
    ['2018-03-12T25:00', null, null, null, 'INVALID_DATE'],
    ['XXXX-07-30', null, null, null, 'UNKNOWN_YEAR'],
    ['XXXX-XX-XXT03:00', null, null, null, 'UNKNOWN_YEAR'],
  ];
  for (const [value, start, end, precision, reason] of table) {
    it(`${value}`, () => {
      const r = resolveOne(timex('T1', 'DATE', value));
      if (reason) expect(r).toEqual({ timexId: 'T1', interval: null, unresolvedReason: reason });
      else expect(r?.interval).toEqual({ start, end, precision, approx: false });
    });
  }
});

describe('RELATIVE', () => {
  const table: [string, string, string, string, string][] = [
    ['-P3M', '2018-05-10', '2018-02-01', '2018-02-28', 'MONTH'],
    ['-P1D', '2018-03-01', '2018-02-28', '2018-02-28', 'DAY'],
    ['P0D', '2018-05-10', '2018-05-10', '2018-05-10', 'DAY'],
    ['-P2W', '2018-05-10', '2018-04-26', '2018-04-26', 'DAY'],
    ['-P1Y', '2016-02-29', '2015-01-01', '2015-12-31', 'YEAR'],
    ['P0Y', '2018-05-10', '2018-01-01', '2018-12-31', 'YEAR'],
    ['-P1M15D', '2018-03-31', '2018-02-13', '2018-02-13', 'DAY'],
    ['-P1M', '2018-03-31', '2018-02-01', '2018-02-28', 'MONTH'],
    ['-PT2H', '2018-05-10', '2018-05-10', '2018-05-10', 'DAY'],
  ];
  for (const [value, rec, start, end, precision] of table) {
    it(`${value} from ${rec}`, () => {
      expect(resolveOne(timex('T1', 'RELATIVE', value), rec)?.interval).toEqual({ start, end, precision, approx: false });
    });
  }
  it('flags approximate offsets without widening them', () => {
    expect(resolveOne(timex('T1', 'RELATIVE', '-P3M', { approx: true }))?.interval).toEqual({
      start: '2018-02-01', end: '2018-02-28', precision: 'MONTH', approx: true,
    });
  });
  it('reports unstated quantities, durations and a bad reference date', () => {
    expect(resolveOne(timex('T1', 'RELATIVE', '-PXY', { approx: true }))?.unresolvedReason).toBe('UNKNOWN_QUANTITY');
    expect(resolveOne(timex('T1', 'DURATION', 'P3D'))?.unresolvedReason).toBe('DURATION');
    expect(resolveOne(timex('T1', 'RELATIVE', '-P3D'), '2018-02-30')?.unresolvedReason).toBe('INVALID_DATE');
  });
});

describe('EVENT_RELATIVE', () => {
  function run(text: string, items: [string, string][], recordedAt: string, priorEvents = []) {
    const entities: EntityMention[] = mentions(text, items);
    const { timexes, links } = analyseTime({ text, recordedAt, entities });
    const res = resolveTimeline({ recordedAt, timexes, links, entities, priorEvents });
    return Object.fromEntries(timexes.map((t) => [t.text, res.find((r) => r.timexId === t.id)]));
  }
  it('anchors on the record’s own dated surgery', () => {
    const r = run('2018-01-31行胃癌根治术。术后1月复查CT。', [['胃癌根治术', '手术'], ['CT', '影像检查']], '2018-06-01');
    expect(r['术后1月']).toEqual({
      timexId: 'T2', interval: { start: '2018-02-01', end: '2018-02-28', precision: 'MONTH', approx: false }, anchorSource: 'RECORD',
    });
  });
  it('anchors on chemotherapy drugs placed by their link', () => {
    const r = run('2018-03-01予奥沙利铂化疗。化疗后3周复查血常规。', [['奥沙利铂', '药物'], ['血常规', '实验室检验']], '2018-06-01');
    expect(r['化疗后3周']?.interval).toEqual({ start: '2018-03-22', end: '2018-03-22', precision: 'DAY', approx: false });
  });
  it('falls back to the patient timeline for an anchor the record does not date', () => {
    const prior = [
      { type: 'SURGERY' as const, text: '胃癌根治术', interval: { start: '2016-05-03', end: '2016-05-03', precision: 'DAY' as const, approx: false } },
      { type: 'SURGERY' as const, text: '阑尾切除术', interval: { start: '2010-01-01', end: '2010-12-31', precision: 'YEAR' as const, approx: false } },
    ];
    const r = run('患者术后2周出现发热。', [], '2016-06-01', prior as never);
    expect(r['术后2周']).toEqual({
      timexId: 'T1', interval: { start: '2016-05-17', end: '2016-05-17', precision: 'DAY', approx: false }, anchorSource: 'PATIENT_TIMELINE',
    });
  });
  it('leaves an anchor it cannot find unresolved', () => {
    const r = run('患者术后2周出现发热。', [], '2016-06-01');
    expect(r['术后2周']).toEqual({ timexId: 'T1', interval: null, unresolvedReason: 'ANCHOR_NOT_FOUND' });
  });
  it('dates a quoted complaint from the visit it belongs to', () => {
    const r = run('2015-03-31因“黑便半年”就诊于我院。', [], '2015-09-01');
    expect(r['半年']?.interval).toEqual({ start: '2014-09-01', end: '2014-09-30', precision: 'MONTH', approx: false });
    expect(r['半年']?.anchorSource).toBe('RECORD');
  });
  it('dates a complaint from the visit date written right after the quote', () => {
    const r = run('患者因“腹痛3月”于2014年4月就诊我院。', [], '2015-09-01');
    expect(r['3月']?.interval).toEqual({ start: '2014-01-01', end: '2014-01-31', precision: 'MONTH', approx: false });
  });
  it('does not guess a visit with no date', () => {
    const r = run('患者因“腹痛3天”入院，完善检查。', [], '2015-09-01');
    expect(r['3天']?.unresolvedReason).toBe('ANCHOR_NOT_FOUND');
  });
});
