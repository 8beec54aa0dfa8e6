import { describe, expect, it } from 'vitest';
import { analyseTime, resolveTimeline } from '../../src/time/index.js';
import { splitSentences } from '../../src/time/link/sentences.js';
import { mentions } from './helpers.js';

/** Runs analyseTime and returns, per entity text, the TIMEX text that places it (null = none). */
function placed(text: string, items: [string, string][]): Record<string, string | null> {
  const entities = mentions(text, items);
  const { timexes, links } = analyseTime({ text, entities });
  const out: Record<string, string | null> = {};
  for (const l of links) {
    const e = entities.find((x) => x.start === l.entityStart);
    out[e?.text ?? '?'] = l.timexId === null ? null : (timexes.find((t) => t.id === l.timexId)?.text ?? '?');
  }
  return out;
}

describe('sentences', () => {
  it('ends at 。！？ line breaks, ； and the literal \\U0004 mark, not at ASCII .', () => {
    const text = 'A。B！C？D\nE；F\\U0004G.H';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['A。', 'B！', 'C？', 'D\n', 'E；', 'F', 'G.H']);
  });
  it('keeps ；-separated items of a ：enumeration together up to the next hard end', () => {
    const text = '出院诊断：1.左乳癌；2.高血压。其他';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['出院诊断：1.左乳癌；2.高血压。', '其他']);
  });
});

describe('governing', () => {
  it('places the events after a TIMEX in its sentence, until a later TIMEX takes over', () => {
    expect(placed('2016-03-01行胃镜检查，示胃癌，2016-03-05行胃癌根治术。', [['胃镜', '影像检查'], ['胃癌', '疾病和诊断'], ['胃癌根治术', '手术']]))
      .toEqual({ 胃镜: '2016-03-01', 胃癌: '2016-03-01', 胃癌根治术: '2016-03-05' });
  });
  it('stops at the sentence end', () => {
    expect(placed('2016-03-01行胃镜检查。术后予奥沙利铂化疗。', [['胃镜', '影像检查'], ['奥沙利铂', '药物']]))
      .toEqual({ 胃镜: '2016-03-01', 奥沙利铂: null });
  });
  it('lets a ：enumeration carry its date across ；', () => {
    expect(placed('2017-10-29出院，出院诊断为：1.慢性胃炎；2.高血压。', [['慢性胃炎', '疾病和诊断'], ['高血压', '疾病和诊断']]))
      .toEqual({ 慢性胃炎: '2017-10-29', 高血压: '2017-10-29' });
    expect(placed('2017-10-29查血常规；肝功能正常。', [['血常规', '实验室检验'], ['肝功能', '实验室检验']]))
      .toEqual({ 血常规: '2017-10-29', 肝功能: null });
  });
  it('does not let a DURATION govern or interrupt', () => {
    expect(placed('2天前患者胸痛，持续约10分钟，含服硝酸甘油缓解。', [['硝酸甘油', '药物']])).toEqual({ 硝酸甘油: '2天前' });
  });
  it('places a list or range of dates at its first date', () => {
    expect(placed('于2016.01.02、2016.02.01、2016.03.01予奥沙利铂化疗。', [['奥沙利铂', '药物']])).toEqual({ 奥沙利铂: '2016.01.02' });
    expect(placed('2016-4-14至2016-5-14予卡培他滨口服。', [['卡培他滨', '药物']])).toEqual({ 卡培他滨: '2016-4-14' });
    expect(placed('2012-3-17开始替吉奥至2013-5，末次化疗后复查CEA。', [['替吉奥', '药物'], ['CEA', '实验室检验']]))
      .toEqual({ 替吉奥: '2012-3-17', CEA: '2012-3-17' });
  });
  it('joins a comma list of course dates, but not after a closing date', () => {
    expect(placed('2014-5-26，2014-6-16，2014-7-10行奥沙利铂化疗。', [['奥沙利铂', '药物']])).toEqual({ 奥沙利铂: '2014-5-26' });
  });
  it('does not join two dates split by a comma into a list', () => {
    expect(placed('末次2012-6-27,2013-5-23PET-CT示肝转移。', [['PET-CT', '影像检查']])).toEqual({ 'PET-CT': '2013-5-23' });
  });
  it('gives nothing to an event before the first TIMEX of its sentence', () => {
    expect(placed('行胃镜检查，2016-03-01复查。', [['胃镜', '影像检查']])).toEqual({ 胃镜: null });
  });
  it('lets an EVENT_RELATIVE govern', () => {
    expect(placed('术后2周行奥沙利铂化疗。', [['奥沙利铂', '药物']])).toEqual({ 奥沙利铂: '术后2周' });
  });
});

describe('closely following', () => {
  it('places an event with the TIMEX right after it in its clause, over an earlier one', () => {
    expect(placed('2015-01-01体检，因胃癌于2015-02-03行胃癌根治术。', [['胃癌', '疾病和诊断'], ['胃癌根治术', '手术']]))
      .toEqual({ 胃癌: '2015-02-03', 胃癌根治术: '2015-02-03' });
    expect(placed('遂行气管切开术（2012-02-22），病情稳定。', [['气管切开术', '手术']])).toEqual({ 气管切开术: '2012-02-22' });
    expect(placed('高血压病史5年，规律服药。', [['高血压', '疾病和诊断']])).toEqual({ 高血压: '5年' });
  });
  it('does not reach across a clause break or another event', () => {
    expect(placed('行胃镜检查，2016-03-01复查。', [['胃镜', '影像检查']])).toEqual({ 胃镜: null });
    expect(placed('CT及MRI于2016-03-01完成。', [['CT', '影像检查'], ['MRI', '影像检查']])).toEqual({ CT: null, MRI: '2016-03-01' });
  });
  it('does not give an event an offset that carries another event word', () => {
    expect(placed('因肠梗阻于外院行保守治疗一月余后出院。', [['肠梗阻', '疾病和诊断']])).toEqual({ 肠梗阻: null });
  });
});

describe('quotes and current state', () => {
  it('lets a TIMEX inside an earlier complaint govern only inside the quotes', () => {
    expect(placed('患者6周前因“腹痛6月，发现胰腺占位1周”于我院就诊，诊断为胰腺癌。', [['胰腺占位', '疾病和诊断'], ['胰腺癌', '疾病和诊断']]))
      .toEqual({ 胰腺占位: '1周', 胰腺癌: '6周前' });
    expect(placed('患者6周前因“腹痛6月，伴黑便”于我院就诊，诊断为胰腺癌。', [['黑便', '疾病和诊断'], ['胰腺癌', '疾病和诊断']]))
      .toEqual({ 黑便: '6月', 胰腺癌: '6周前' });
  });
  it('gives no TIMEX to a diagnosis stated as the reason for this admission', () => {
    expect(placed('今日门诊以“直肠癌”收入我科。', [['直肠癌', '疾病和诊断']])).toEqual({ 直肠癌: null });
    expect(placed('今日门诊拟直肠癌术后化疗收入我科。', [['直肠癌', '疾病和诊断']])).toEqual({ 直肠癌: null });
    expect(placed('今日就诊，门诊依情以\\"胃癌\\"收住我科。', [['胃癌', '疾病和诊断']])).toEqual({ 胃癌: null });
    expect(placed('2018-01-01入院，入院诊断：1.胃癌；2.高血压。', [['胃癌', '疾病和诊断'], ['高血压', '疾病和诊断']]))
      .toEqual({ 胃癌: null, 高血压: null });
  });
  it('does not treat an earlier stay’s discharge diagnosis as current', () => {
    expect(placed('2017-10-29住院，出院诊断为：1.冠心病。', [['冠心病', '疾病和诊断']])).toEqual({ 冠心病: '2017-10-29' });
  });
  it('gives no link entry to anatomy', () => {
    const text = '2016-03-01行左乳切除术';
    const entities = [...mentions(text, [['左乳切除术', '手术']]), ...mentions(text, [['左乳', '解剖部位']])];
    const { links } = analyseTime({ text, entities });
    expect(links).toHaveLength(1);
  });
});

describe('CCKS 2017 types (union model)', () => {
  it('places symptoms, exams and treatments like the other events; body parts are not events', () => {
    const text = '患者3月前无明显诱因出现腹痛、腹胀，2018-03-12行化疗，查体温正常，左下腹压痛。';
    expect(placed(text, [['腹痛', '症状和体征'], ['腹胀', '症状和体征'], ['化疗', '治疗'], ['体温', '检查和检验'],
      ['左下腹', '身体部位'], ['压痛', '症状和体征']]))
      .toEqual({ 腹痛: '3月前', 腹胀: '3月前', 化疗: '2018-03-12', 体温: '2018-03-12', 压痛: '2018-03-12' });
  });
  it('anchors 化疗后 on a chemotherapy tagged TREATMENT (no drug name) and dates the symptom from it', () => {
    const text = '2018-03-01行化疗。化疗后3周出现恶心。';
    const entities = mentions(text, [['化疗', '治疗'], ['恶心', '症状和体征']]);
    const { timexes, links } = analyseTime({ text, recordedAt: '2018-06-01', entities });
    const res = resolveTimeline({ recordedAt: '2018-06-01', timexes, links, entities, priorEvents: [] });
    const rel = timexes.find((t) => t.text === '化疗后3周')!;
    expect(res.find((r) => r.timexId === rel.id)?.interval).toEqual({ start: '2018-03-22', end: '2018-03-22', precision: 'DAY', approx: false });
    expect(links.find((l) => l.entityStart === text.indexOf('恶心'))?.timexId).toBe(rel.id);
  });
});
