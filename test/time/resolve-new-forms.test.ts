import { describe, expect, it } from 'vitest';
import { analyseTime, resolveTimeline } from '../../src/time/index.js';

// Golden table (expression in a carrier sentence, reference date, resolved interval) for the forms of issue 12.
// The reference 2018-03-14 is a Wednesday.
const REF = '2018-03-14';
type Row = [text: string, expression: string, start: string, end: string, precision: string];

const table: Row[] = [
  ['嘱下周复查', '下周', '2018-03-19', '2018-03-25', 'DAY'],
  ['上周出现发热', '上周', '2018-03-05', '2018-03-11', 'DAY'],
  ['这周开始口服奥希替尼', '这周', '2018-03-12', '2018-03-18', 'DAY'],
  ['上上周行骨扫描', '上上周', '2018-02-26', '2018-03-04', 'DAY'],
  ['本月体重下降', '本月', '2018-03-01', '2018-03-31', 'MONTH'],
  ['上个月行第4周期化疗', '上个月', '2018-02-01', '2018-02-28', 'MONTH'],
  ['拟下个月手术', '下个月', '2018-04-01', '2018-04-30', 'MONTH'],
  ['嘱明年复查', '明年', '2019-01-01', '2019-12-31', 'YEAR'],
  ['上一年因肺炎住院', '上一年', '2017-01-01', '2017-12-31', 'YEAR'],
  ['大前天出现黄疸', '大前天', '2018-03-11', '2018-03-11', 'DAY'],
  ['拟后天出院', '后天', '2018-03-16', '2018-03-16', 'DAY'],
  ['嘱2周后复查', '2周后', '2018-03-28', '2018-03-28', 'DAY'],
  ['嘱半年以后复查', '半年以后', '2018-09-01', '2018-09-30', 'MONTH'],
  ['于12号行PICC置管', '12号', '2018-03-12', '2018-03-12', 'DAY'],
  ['于15号出现发热', '15号', '2018-02-15', '2018-02-15', 'DAY'],
  ['嘱15号返院', '15号', '2018-03-15', '2018-03-15', 'DAY'],
  ['2018-01-20入院，23日行手术', '23日', '2018-01-23', '2018-01-23', 'DAY'],
  ['于6月确诊', '6月', '2017-06-01', '2017-06-30', 'MONTH'],
  ['于3月确诊', '3月', '2018-03-01', '2018-03-31', 'MONTH'],
  ['2017-11-20化疗，2月3日复查', '2月3日', '2018-02-03', '2018-02-03', 'DAY'],
  ['上个月15号出现发热', '上个月15号', '2018-02-15', '2018-02-15', 'DAY'],
  ['昨晚8点出现胸痛', '8点', '2018-03-13', '2018-03-13', 'MINUTE'],
  ['于二零一六年八月十二日行手术', '二零一六年八月十二日', '2016-08-12', '2016-08-12', 'DAY'],
  ['零九年五月诊断为乙肝', '零九年五月', '2009-05-01', '2009-05-31', 'MONTH'],
  ['2020年5月18日下午4:00出现高热', '2020年5月18日下午4:00', '2020-05-18', '2020-05-18', 'MINUTE'],
];

describe('new forms resolve to calendar intervals', () => {
  for (const [text, expression, start, end, precision] of table) {
    it(`${text}: ${expression} → ${start}..${end} ${precision}`, () => {
      const { timexes, links } = analyseTime({ text, entities: [], recordedAt: REF });
      const t = timexes.find((x) => x.text === expression);
      expect(t, `no TIMEX ${expression} in ${JSON.stringify(timexes.map((x) => x.text))}`).toBeDefined();
      const r = resolveTimeline({ recordedAt: REF, timexes, links, entities: [] }).find((x) => x.timexId === t?.id);
      expect(r?.interval).toMatchObject({ start, end, precision });
    });
  }
  it('keeps a deictic week a week even across a year end (Sunday reference)', () => {
    const { timexes, links } = analyseTime({ text: '下周复查', entities: [], recordedAt: '2017-12-31' });
    expect(resolveTimeline({ recordedAt: '2017-12-31', timexes, links, entities: [] })[0]?.interval).toMatchObject({ start: '2018-01-01', end: '2018-01-07' });
  });
  it('leaves a yearless date X without a reference and reports it', () => {
    const { timexes } = analyseTime({ text: '于12号行PICC置管', entities: [] });
    expect(timexes.map((t) => t.value)).toEqual(['XXXX-XX-12']);
    expect(resolveTimeline({ recordedAt: REF, timexes, links: [], entities: [] })[0]?.unresolvedReason).toBe('UNKNOWN_YEAR');
  });
});
