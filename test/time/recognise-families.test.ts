import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseDigitString } from '../../src/time/normalise/numerals.js';
import { hourOf, readClockAt } from '../../src/time/recognise/find-clocks.js';
import { readYear } from '../../src/time/recognise/date-grammar.js';
import { recogniseTimexes } from '../../src/time/recognise/recognise-timexes.js';

type Row = [text: string, kind: string, value: string, approx?: boolean, anchor?: string];

/** Rows of the TIMEX found in `source` (approx defaults to false in the expectation). */
function check(source: string, expected: Row[], recordedAt?: string): void {
  const got = recogniseTimexes(source, [], recordedAt).map((t): Row => {
    const row: Row = [t.text, t.kind, t.value, t.approx];
    if (t.anchor !== undefined) row.push(t.anchor);
    return row;
  });
  expect(got).toEqual(expected.map((r): Row => (r.length === 3 ? [r[0], r[1], r[2], false] : r)));
}

describe('Chinese numerals', () => {
  it('reads 千 and rejects digits side by side', () => {
    expect(parseChineseInteger('两千零四')).toBe(2004);
    expect(parseChineseInteger('两千')).toBe(2000);
    expect(parseChineseInteger('俩')).toBe(2);
    expect(parseChineseInteger('一六')).toBeNull();
    expect(parseChineseInteger('十百')).toBeNull();
  });
  it('reads digit strings for years', () => {
    expect(parseDigitString('二〇一六')).toBe(2016);
    expect(parseDigitString('零九')).toBe(9);
    expect(parseDigitString('两三')).toBeNull();
  });
  it('expands years written in any of the forms', () => {
    expect([readYear('2016'), readYear('20165'), readYear('16'), readYear('98'), readYear('二〇一六'), readYear('零九'), readYear('两千零四')])
      .toEqual([2016, 2016, 2016, 1998, 2016, 2009, 2004]);
  });
});

describe('clock grammar', () => {
  const table: [string, number, number][] = [
    ['下午4:00', 16, 0], ['晚上19:30', 19, 30], ['21时1刻', 21, 15], ['十一点半', 11, 30], ['下午十一点半', 23, 30],
    ['中午1点', 13, 0], ['凌晨12点', 0, 0], ['九点零九', 9, 9], ['三点半五十九秒', 3, 30], ['14:35分', 14, 35], ['08:45:00', 8, 45],
    ['11点3刻', 11, 45], ['零点整', 0, 0], ['20点15', 20, 15], ['晚上5点', 17, 0], ['晚2点半', 2, 30], ['夜里12点', 0, 0],
  ];
  for (const [text, hour, minute] of table) {
    it(`${text} → ${hour}:${minute}`, () => expect(readClockAt(text, 0)).toMatchObject({ hour, minute, start: 0, end: text.length }));
  }
  it('rejects impossible hours and minutes, and takes a period said before', () => {
    expect(readClockAt('25:10', 0)).toBeNull();
    expect(readClockAt('8点75分', 0)).toBeNull();
    expect(readClockAt('8点', 0, '晚')).toMatchObject({ hour: 20 });
    expect(hourOf(24, null)).toBe(0);
  });
});

describe('families of issue 12', () => {
  it('reads Chinese-numeral years and dates', () => {
    check('于二零一六年八月十二日行手术', [['二零一六年八月十二日', 'DATE', '2016-08-12']]);
    check('零九年五月确诊', [['零九年五月', 'DATE', '2009-05']]);
    check('一六年行子宫全切术', [['一六年', 'DATE', '2016']]);
    check('二〇〇八年十一月行手术', [['二〇〇八年十一月', 'DATE', '2008-11']]);
    check('2016年四月五号行胃镜', [['2016年四月五号', 'DATE', '2016-04-05']]);
    check('两千零四年八月十五行手术', [['两千零四年八月十五', 'DATE', '2004-08-15']]);
  });
  it('keeps consecutive Chinese digits a count, not a year', () => {
    check('吸烟三四年', [['三四年', 'RELATIVE', '-P3Y', true]]);
  });
  it('reads a bare month after a preposition or opening a clause as a calendar month', () => {
    check('于6月确诊', [['6月', 'DATE', '2017-06']], '2018-03-10');
    check('于11月发现左乳肿物', [['11月', 'DATE', 'XXXX-11']]);
    check('发现左乳肿物3月', [['3月', 'RELATIVE', '-P3M']]);
    check('于3月余前出现便血', [['3月余前', 'RELATIVE', '-P3M', true]]);
    check('每年持续时间大于3月', [['3月', 'RELATIVE', '-P3M']]);
  });
  it('reads day-only, month-day and slash dates, and not numbered things or fractions', () => {
    check('于12号行PICC置管', [['12号', 'DATE', '2018-05-12']], '2018-06-01');
    check('于3/18复查', [['3/18', 'DATE', '2018-03-18']], '2018-06-01');
    check('08月12行手术', [['08月12', 'DATE', 'XXXX-08-12']]);
    check('15号床患者，14号导尿管，KRAS 12、13号密码子', []);
    check('均大于1/2肌层，1/4见癌转移', []);
    check('下述症状加重，一日10余次', []);
  });
  it('attaches clocks to dates and reads bare clocks with a period word or a preposition', () => {
    check('2020年5月18日下午4:00出现高热', [['2020年5月18日下午4:00', 'DATE', '2020-05-18T16:00']]);
    check('2019-11-0508:20行手术', [['2019-11-0508:20', 'DATE', '2019-11-05T08:20']]);
    check('3月17日 20点15突发胸痛', [['3月17日 20点15', 'DATE', 'XXXX-03-17T20:15']]);
    check('昨晚8时35分出现胸痛', [['昨晚', 'RELATIVE', '-P1D'], ['8时35分', 'DATE', '2021-06-13T20:35']], '2021-06-14');
    check('于晚上8点出现胸闷', [['晚上8点', 'DATE', 'XXXX-XX-XXT20:00']]);
  });
  it('does not read clock-face positions or schedules as times', () => {
    check('右乳1点腺体，左乳11点钟距乳头3cm，截石位3点，8点钟方向', []);
    check('嘱每天晚上8点口服华法林', []);
  });
  it('reads deictics with their calendar unit and leaves cycles and 后天性 alone', () => {
    check('拟下周手术，上个月化疗，本年体检，大前天发热', [
      ['下周', 'RELATIVE', 'P1W'], ['上个月', 'RELATIVE', '-P1M'], ['本年', 'RELATIVE', 'P0Y'], ['大前天', 'RELATIVE', '-P3D'],
    ]);
    check('现为行上周期化疗入院，本周期化疗，后天性免疫缺陷，本周氏蛋白阴性', []);
    expect(recogniseTimexes('下周复查', []).map((t) => t.calendarUnit)).toEqual(['WEEK']);
  });
  it('reads future offsets from the reference in a plan, and from an event otherwise', () => {
    check('嘱2周后复查', [['2周后', 'RELATIVE', 'P2W']]);
    check('嘱半年以后复查', [['半年以后', 'RELATIVE', 'P6M']]);
    check('化疗后出现呕吐，7日后逐渐好转', [['7日后', 'EVENT_RELATIVE', 'P7D', false, '化疗']]);
    check('在某镇医院输液3天后头昏好转', []);
  });
  it('reads compound and ranged durations', () => {
    check('抢救持续25分钟10秒', [['25分钟10秒', 'DURATION', 'PT25M10S']]);
    check('住院治疗20天3小时15分', [['20天3小时15分', 'DURATION', 'P20DT3H15M']]);
    check('抽搐持续三分半后缓解', [['三分半', 'DURATION', 'PT3M30S']]);
    check('胸痛持续2刻钟', [['2刻钟', 'DURATION', 'PT30M']]);
    check('每次持续4天——6天', [['4天——6天', 'DURATION', 'P4D', true]]);
    check('予抗感染治疗10—14天', [['10—14天', 'DURATION', 'P10D', true]]);
    check('予放疗5 周', [['5 周', 'DURATION', 'P5W']]);
    check('吸烟史二十年以上', [['二十年以上', 'RELATIVE', '-P20Y', true]]);
    check('十二月至一月行透析', [['十二月', 'DATE', 'XXXX-12'], ['一月', 'DATE', 'XXXX-01']]);
  });
});
