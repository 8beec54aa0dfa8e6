import { describe, expect, it } from 'vitest';
import type { TimelineEventData } from '../../web/src/viewer/timeline-data.js';
import { addDays, describeTime, toChartModel, viewWindow } from '../../web/src/viewer/timeline-model.js';

function event(id: string, type: string, time: Partial<TimelineEventData['time']>, extra: Partial<TimelineEventData['entity']> = {}): TimelineEventData {
  const full = { start: '2018-03-13', end: '2018-03-13', precision: 'DAY', approx: false, undated: false, ...time };
  return {
    undated: full.undated,
    time: full,
    entity: { id, type, label: type, text: `t-${id}`, confidence: 0.9, start: 0, end: 1, ...extra },
    timex: null,
    record: { id: 'R1', kind: 'ADMISSION', recordedAt: '2018-03-20' },
    span: { recordId: 'R1', start: 0, end: 1, text: 't' },
  };
}

describe('toChartModel', () => {
  it('puts each event type in its lane, in reading order, with counts', () => {
    const model = toChartModel([event('a', 'DRUG', {}), event('b', 'SURGERY', {}), event('c', 'DRUG', {}), event('d', 'NEW_TYPE', {})]);
    expect(model.lanes.map((l) => [l.id, l.count])).toEqual([['SURGERY', 1], ['DRUG', 2], ['NEW_TYPE', 1]]);
    expect(model.lanes[0]).toMatchObject({ zh: '手术', en: 'Surgery' });
  });

  it('draws a day as a point, an interval as a range covering its last day, approx and undated with their classes', () => {
    const [day, month, approx, undated] = toChartModel([
      event('day', 'SURGERY', {}),
      event('month', 'DISEASE', { start: '2018-03-01', end: '2018-03-31', precision: 'MONTH' }),
      event('approx', 'SYMPTOM', { start: '2017-12-01', end: '2017-12-31', precision: 'MONTH', approx: true }),
      event('undated', 'DRUG', { start: '2018-03-20', end: '2018-03-20', undated: true }),
    ]).items;
    expect(day).toMatchObject({ kind: 'point', start: '2018-03-13', endExclusive: null, className: 'ev lane-SURGERY' });
    expect(month).toMatchObject({ kind: 'range', start: '2018-03-01', endExclusive: '2018-04-01' });
    expect(approx!.className).toBe('ev lane-SYMPTOM approx');
    expect(undated).toMatchObject({ kind: 'point', start: '2018-03-20', className: 'ev lane-DRUG undated' });
    expect(undated!.tooltip).toBe('t-undated · undated (record of 2018-03-20)');
  });

  it('marks negated, possible and non-patient mentions when the schema has assertion and subject', () => {
    const [absent, family, present, possible] = toChartModel([
      event('x', 'SYMPTOM', {}, { assertion: 'ABSENT', subject: 'PATIENT' }),
      event('y', 'DISEASE', {}, { assertion: 'PRESENT', subject: 'FAMILY' }),
      event('z', 'DISEASE', {}, { assertion: 'PRESENT', subject: 'PATIENT' }),
      event('w', 'DISEASE', { undated: true }, { assertion: 'POSSIBLE', subject: 'OTHER' }),
    ]).items;
    expect(absent).toMatchObject({ className: 'ev lane-SYMPTOM assertion-ABSENT', marks: [{ kind: 'ABSENT', text: '无' }] });
    expect(family).toMatchObject({ className: 'ev lane-DISEASE subject-FAMILY', marks: [{ kind: 'FAMILY', text: '家族' }] });
    expect(present).toMatchObject({ className: 'ev lane-DISEASE', marks: [], tooltip: 't-z · 2018-03-13 (DAY)' });
    // Both qualifiers, in words in the tooltip; the undated class stays (its `?` and the marks no longer collide).
    expect(possible).toMatchObject({
      className: 'ev lane-DISEASE undated assertion-POSSIBLE subject-OTHER',
      marks: [{ kind: 'POSSIBLE', text: '可能' }, { kind: 'OTHER', text: '他人' }],
      tooltip: 't-w · possible · about someone else · undated (record of 2018-03-20)',
    });
  });

  it('leaves marks out for a platform without assertion and subject', () => {
    expect(toChartModel([event('a', 'SURGERY', {})]).items[0]!.marks).toEqual([]);
  });
});

describe('describeTime', () => {
  it('says how to read a date', () => {
    const base = { undated: false, record: { id: 'R1', kind: 'ADMISSION', recordedAt: '2018-03-20' } };
    expect(describeTime({ ...base, time: { start: '2018-03-13', end: '2018-03-13', precision: 'DAY', approx: false, undated: false } })).toBe('2018-03-13 (DAY)');
    expect(describeTime({ ...base, time: { start: '2018-01-01', end: '2018-12-31', precision: 'YEAR', approx: true, undated: false } })).toBe(
      '≈ 2018-01-01 – 2018-12-31 (YEAR)',
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, leap-year and year ends', () => {
    expect(addDays('2018-02-28', 1)).toBe('2018-03-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
  });

  it('viewWindow spans every item, a week at least, with room for labels on the right', () => {
    expect(viewWindow([])).toBeNull();
    const lo = new Date(2018, 2, 13).getTime();
    const w = viewWindow([{ start: '2018-03-13', endExclusive: null }])!;
    const week = 7 * 86_400_000;
    expect(w.start).toBeCloseTo(lo - week * 0.05, -1);
    expect(w.end).toBeCloseTo(lo + 86_400_000 + week * 0.2, -1);
    const wide = viewWindow([{ start: '2012-01-01', endExclusive: null }, { start: '2018-01-01', endExclusive: '2019-01-01' }])!;
    expect(wide.start).toBeLessThan(new Date(2012, 0, 1).getTime());
    expect(wide.end).toBeGreaterThan(new Date(2019, 0, 1).getTime());
  });
});
