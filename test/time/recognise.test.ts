import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/entity.js';
import { recogniseTimexes } from '../../src/time/recognise/recognise-timexes.js';
import { mentions } from './helpers.js';

type Row = [text: string, kind: string, value: string, approx?: boolean, anchor?: string];

function check(source: string, expected: Row[], entities: EntityMention[] = [], recordedAt?: string): void {
  const got = recogniseTimexes(source, entities, recordedAt).map((t): Row => {
    const row: Row = [t.text, t.kind, t.value, t.approx];
    if (t.anchor !== undefined) row.push(t.anchor);
    return row;
  });
  expect(got).toEqual(expected.map((r): Row => (r.length === 3 ? [r[0], r[1], r[2], false] : r)));
}

describe('DATE', () => {
  const table: [string, Row[]][] = [
    ['患者于2019-04-08行胃镜检查', [['2019-04-08', 'DATE', '2019-04-08']]],
    ['2017.6.3行手术', [['2017.6.3', 'DATE', '2017-06-03']]],
    ['2017/06/03复查', [['2017/06/03', 'DATE', '2017-06-03']]],
    ['于2016年11月5日入院', [['2016年11月5日', 'DATE', '2016-11-05']]],
    ['于2016年11月入院', [['2016年11月', 'DATE', '2016-11']]],
    ['2016年确诊', [['2016年', 'DATE', '2016']]],
    ['2012-9开始化疗', [['2012-9', 'DATE', '2012-09']]],
    ['末次化疗2012.9。', [['2012.9', 'DATE', '2012-09']]],
    ['2011年末出现黑便', [['2011年末', 'DATE', '2011']]],
    ['2011年3月份出现黑便', [['2011年3月份', 'DATE', '2011-03']]],
    ['2011-3月复查', [['2011-3月', 'DATE', '2011-03']]],
    ['于17年5月行手术', [['17年5月', 'DATE', '2017-05']]],
    ['于99年5月行手术', [['99年5月', 'DATE', '1999-05']]],
    ['16.7.21复查CT', [['16.7.21', 'DATE', '2016-07-21']]],
    ['２０１５－０３－０４行手术', [['２０１５－０３－０４', 'DATE', '2015-03-04']]],
    ['于20174-4-18行手术', [['20174-4-18', 'DATE', '2017-04-18']]],
    ['2019-02-30复查', [['2019-02-30', 'DATE', '2019-02-30']]],
    ['2016-3-2 08:30出现腹痛', [['2016-3-2 08:30', 'DATE', '2016-03-02T08:30']]],
    ['2016年3月2日9：05出现腹痛', [['2016年3月2日9：05', 'DATE', '2016-03-02T09:05']]],
    ['2016年3月2日14时30分出现腹痛', [['2016年3月2日14时30分', 'DATE', '2016-03-02T14:30']]],
    ['患者于14:30出现胸痛', [['14:30', 'DATE', 'XXXX-XX-XXT14:30']]],
    ['今日凌晨3:00出现胸痛', [['今日凌晨', 'RELATIVE', 'P0D'], ['3:00', 'DATE', 'XXXX-XX-XXT03:00']]],
    ['稀释比例1:100，评分10:30', []],
    ['。2015-01-09复查.2015-02-10化疗', [['2015-01-09', 'DATE', '2015-01-09'], ['2015-02-10', 'DATE', '2015-02-10']]],
  ];
  for (const [text, rows] of table) it(text, () => check(text, rows));

  it('gives a yearless date the year of the dated narrative before it', () => {
    check('2015-05-02化疗，5-23再次化疗', [['2015-05-02', 'DATE', '2015-05-02'], ['5-23', 'DATE', '2015-05-23']]);
    check('2014年6月10日入院，6月12日手术', [['2014年6月10日', 'DATE', '2014-06-10'], ['6月12日', 'DATE', '2014-06-12']]);
  });
  it('keeps X for the year when no date comes before, or when the month runs backwards', () => {
    check('患者7月30日行手术', [['7月30日', 'DATE', 'XXXX-07-30']]);
    check('2015-11-20化疗，2-3复查', [['2015-11-20', 'DATE', '2015-11-20'], ['2-3', 'DATE', 'XXXX-02-03']]);
  });
  it('reads lists and ranges as one DATE per date', () => {
    check('于2016.01.02、2016.02.01、03-01予化疗', [
      ['2016.01.02', 'DATE', '2016-01-02'], ['2016.02.01', 'DATE', '2016-02-01'], ['03-01', 'DATE', '2016-03-01'],
    ]);
    check('2018-03至2018-08行化疗', [['2018-03', 'DATE', '2018-03'], ['2018-08', 'DATE', '2018-08']]);
    check('2014-5月和7月行化疗', [['2014-5月', 'DATE', '2014-05'], ['7月', 'DATE', '2014-07']]);
  });
  it('dates 今年N月 from recordedAt, else from the latest written year', () => {
    check('今年3月出现腹痛', [['今年3月', 'DATE', '2020-03']], [], '2020-06-01');
    check('2013-01-04手术，今年3月出现腹痛', [['2013-01-04', 'DATE', '2013-01-04'], ['今年3月', 'DATE', '2013-03']]);
    check('去年10月出现腹痛', [['去年10月', 'DATE', '2019-10']], [], '2020-06-01');
  });
  it('does not read fractions, ratios, scores or sizes as dates', () => {
    check('浸润深度<1/2，淋巴结3/12', []);
    check('肿物大小3.5*2.1CM，CEA 5.12', []);
    check('化疗D1-14，T3-4期', []);
  });
});

describe('RELATIVE', () => {
  const table: [string, Row[]][] = [
    ['患者3月前出现腹痛', [['3月前', 'RELATIVE', '-P3M']]],
    ['患者三月前出现腹痛', [['三月前', 'RELATIVE', '-P3M']]],
    ['患者３月前出现腹痛', [['３月前', 'RELATIVE', '-P3M']]],
    ['患者半年前出现腹痛', [['半年前', 'RELATIVE', '-P6M']]],
    ['患者1年余前出现腹痛', [['1年余前', 'RELATIVE', '-P1Y', true]]],
    ['患者2个多月前出现腹痛', [['2个多月前', 'RELATIVE', '-P2M', true]]],
    ['患者10+年前出现腹痛', [['10+年前', 'RELATIVE', '-P10Y', true]]],
    ['患者约2周前出现腹痛', [['约2周前', 'RELATIVE', '-P2W', true]]],
    ['患者1.5月前出现腹痛', [['1.5月前', 'RELATIVE', '-P1M15D']]],
    ['患者一年半前出现腹痛', [['一年半前', 'RELATIVE', '-P1Y6M']]],
    ['患者1个半月前出现腹痛', [['1个半月前', 'RELATIVE', '-P1M15D']]],
    ['患者数年前出现腹痛', [['数年前', 'RELATIVE', '-PXY', true]]],
    ['患者多年前出现腹痛', [['多年前', 'RELATIVE', '-PXY', true]]],
    ['患者几天前出现腹痛', [['几天前', 'RELATIVE', '-PXD', true]]],
    ['患者十余年前出现腹痛', [['十余年前', 'RELATIVE', '-P10Y', true]]],
    ['患者2小时前出现腹痛', [['2小时前', 'RELATIVE', '-PT2H']]],
    ['入院前2天出现发热', [['入院前2天', 'RELATIVE', '-P2D']]],
    ['入院前3+月出现发热', [['入院前3+月', 'RELATIVE', '-P3M', true]]],
    ['入院5年前出现发热', [['入院5年前', 'RELATIVE', '-P5Y']]],
    ['近1周出现发热', [['近1周', 'RELATIVE', '-P1W', true]]],
    ['近半年来体重下降', [['近半年来', 'RELATIVE', '-P6M', true]]],
    ['患者3周来食欲差', [['3周来', 'RELATIVE', '-P3W']]],
    ['患者两日来食欲差', [['两日来', 'RELATIVE', '-P2D']]],
    ['患者2年左右前出现胸闷', [['2年左右前', 'RELATIVE', '-P2Y', true]]],
    ['今日行化疗', [['今日', 'RELATIVE', 'P0D']]],
    ['昨日出现发热', [['昨日', 'RELATIVE', '-P1D']]],
    ['昨天出现发热', [['昨天', 'RELATIVE', '-P1D']]],
    ['今日凌晨出现发热', [['今日凌晨', 'RELATIVE', 'P0D']]],
    ['今年体重增加', [['今年', 'RELATIVE', 'P0Y']]],
    ['去年体重增加', [['去年', 'RELATIVE', '-P1Y']]],
    ['末次化疗时间2018-03-01，距今3周', [['2018-03-01', 'DATE', '2018-03-01'], ['距今3周', 'RELATIVE', '-P3W']]],
  ];
  for (const [text, rows] of table) it(text, () => check(text, rows));

  it('reads a still-holding state as an offset', () => {
    check('高血压病史5年，规律服药', [['5年', 'RELATIVE', '-P5Y']]);
    check('糖尿病史10余年', [['10余年', 'RELATIVE', '-P10Y', true]]);
    check('患者绝经3年', [['3年', 'RELATIVE', '-P3Y']]);
    check('发现左乳肿物3月余', [['3月余', 'RELATIVE', '-P3M', true]]);
    const text = '既往慢性乙型肝炎8年';
    check(text, [['8年', 'RELATIVE', '-P8Y']], mentions(text, [['慢性乙型肝炎', '疾病和诊断']]));
  });
  it('reads the quoted complaint of the current admission as RELATIVE', () => {
    check('门诊以“腹痛3天”收入我科', [['3天', 'RELATIVE', '-P3D']]);
  });
  it('does not read bare deictic words as TIMEX', () => {
    check('目前病情稳定，近期无发热，至今未复查，当时未治疗，术后恢复可，出院后随访', []);
  });
});

describe('EVENT_RELATIVE', () => {
  const table: [string, Row[]][] = [
    ['直肠癌根治术后2年复查', [['术后2年', 'EVENT_RELATIVE', 'P2Y', false, '术']]],
    ['术后第3天出现发热', [['术后第3天', 'EVENT_RELATIVE', 'P3D', false, '术']]],
    ['术后第四天出现发热', [['术后第四天', 'EVENT_RELATIVE', 'P4D', false, '术']]],
    ['化疗后3周复查', [['化疗后3周', 'EVENT_RELATIVE', 'P3W', false, '化疗']]],
    ['化疗3周后复查', [['化疗3周后', 'EVENT_RELATIVE', 'P3W', false, '化疗']]],
    ['放疗结束后1月复查', [['放疗结束后1月', 'EVENT_RELATIVE', 'P1M', false, '放疗结束']]],
    ['予升白治疗3天后复查', [['治疗3天后', 'EVENT_RELATIVE', 'P3D', false, '治疗']]],
    ['住院5天后出院', [['住院5天后', 'EVENT_RELATIVE', 'P5D', false, '住院']]],
    ['术后4月余复查', [['术后4月余', 'EVENT_RELATIVE', 'P4M', true, '术']]],
    ['术后近一月体重下降', [['术后近一月', 'EVENT_RELATIVE', 'P1M', true, '术']]],
    ['术前1周出现发热', [['术前1周', 'EVENT_RELATIVE', '-P1W', false, '术']]],
    ['发病当日来我院就诊', [['发病当日', 'EVENT_RELATIVE', 'P0D', false, '发病']]],
    ['术后次日出现发热', [['术后次日', 'EVENT_RELATIVE', 'P1D', false, '术']]],
    ['服用奥美拉唑2小时后出现皮疹', [['服用奥美拉唑2小时后', 'EVENT_RELATIVE', 'PT2H', false, '服用奥美拉唑']]],
    ['入院后予抗感染治疗，3天后体温正常', [['3天后', 'EVENT_RELATIVE', 'P3D', false, '入院']]],
    ['现距末次化疗3周', [['化疗3周', 'EVENT_RELATIVE', 'P3W', false, '化疗']]],
    ['现化疗结束3周', [['化疗结束3周', 'EVENT_RELATIVE', 'P3W', false, '化疗结束']]],
  ];
  for (const [text, rows] of table) it(text, () => check(text, rows));

  it('anchors a history length inside an earlier visit’s quoted complaint on the visit word', () => {
    check('2016-01-05因“便血半年”就诊于我院', [['2016-01-05', 'DATE', '2016-01-05'], ['半年', 'EVENT_RELATIVE', '-P6M', false, '就诊']]);
    check('患者3月前因“腹痛2周，加重3天”入院', [
      ['3月前', 'RELATIVE', '-P3M'], ['2周', 'EVENT_RELATIVE', '-P2W', false, '入院'], ['3天', 'EVENT_RELATIVE', '-P3D', false, '入院'],
    ]);
    check('患者因"阴道流血持续1月余"入院', [['1月余', 'EVENT_RELATIVE', '-P1M', true, '入院']]);
  });
});

describe('DURATION', () => {
  const table: [string, Row[]][] = [
    ['胸痛持续约10分钟缓解', [['约10分钟', 'DURATION', 'PT10M', true]]],
    ['每次持续约3-5分钟', [['约3-5分钟', 'DURATION', 'PT3M', true]]],
    ['疼痛持续十几分钟', [['十几分钟', 'DURATION', 'PT1XM', true]]],
    ['持续数十分钟后缓解', [['数十分钟', 'DURATION', 'PTX0M', true]]],
    ['化疗后恶心3到4天', [['3到4天', 'DURATION', 'P3D', true]]],
    ['卧床一周余', [['一周余', 'DURATION', 'P1W', true]]],
    ['已服用卡培他滨2月，目前停药', [['2月', 'DURATION', 'P2M']]],
    ['予抗感染治疗2周，症状好转', [['2周', 'DURATION', 'P2W']]],
    ['予头孢抗感染（5天）', [['5天', 'DURATION', 'P5D']]],
    ['每年咳嗽超过3个月', [['超过3个月', 'DURATION', 'P3M', true]]],
    ['术后发热1天', [['1天', 'DURATION', 'P1D']]],
    ['持续半小时后缓解', [['半小时', 'DURATION', 'PT30M']]],
    ['放疗20余天', [['20余天', 'DURATION', 'P20D', true]]],
    ['化疗后腹泻3天，现已恢复', [['3天', 'DURATION', 'P3D']]],
    ['疼痛可缓解2小时', [['2小时', 'DURATION', 'PT2H']]],
    ['疼痛持续时间半小时', [['半小时', 'DURATION', 'PT30M']]],
    ['确诊后口服希罗达2月', [['2月', 'DURATION', 'P2M']]],
  ];
  for (const [text, rows] of table) it(text, () => check(text, rows));
  it('reads a symptom still present as an onset (RELATIVE), not a length', () => {
    check('现患者出现声嘶20天，考虑转移', [['20天', 'RELATIVE', '-P20D']]);
    check('便秘，便血伴里急后重2月余，肠镜诊断直肠癌', [['2月余', 'RELATIVE', '-P2M', true]]);
  });
  it('reads a bare day of the month as a DATE (month from the narrative), not a length', () => {
    check('12-22出院，23日盆腔引流1580ML', [['12-22', 'DATE', 'XXXX-12-22'], ['23日', 'DATE', 'XXXX-XX-23']]);
    check('2015-12-22出院，23日盆腔引流1580ML', [['2015-12-22', 'DATE', '2015-12-22'], ['23日', 'DATE', '2015-12-23']]);
  });
});

describe('not TIMEX', () => {
  const cases = [
    '口服卡培他滨，每日2次', '奥沙利铂130MG D1，q21d', '卡培他滨D1-14', 'QD×2D', '希罗达BID*14天', '5-FU持续48H泵入',
    '每3月复查一次', '3次/周', '化疗4程', '已行化疗×6周期', '放疗共25次', '患者45岁', '孕12周', '停经21周引产',
    '月经周期30天', '行经5天', '住院号123456', '化疗1周期', '3个周期后评效', '每周5天', '口服2周停1周', '2天1次',
    '子宫约2个月妊娠大小', '凝血酶原时间：13.4秒', '腹泻一日10余次', '肿物绕肠管近1周', '餐后2小时血糖', '连5日', '第3天',
  ];
  for (const text of cases) it(text, () => check(text, []));
});
