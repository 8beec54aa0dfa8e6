import { describe, expect, it } from 'vitest';
import { ASSERTION_RULES_VERSION, detectAssertions } from '../../src/assertion/index.js';
import type { Assertion, EntityType, Subject } from '../../src/domain/entity.js';
import { detectWords } from './helpers.js';

type Expected = readonly [word: string, type: EntityType, assertion: Assertion, subject: Subject];

/** Golden table: sentence → every mention with its expected assertion and subject. */
const GOLDEN: ReadonlyArray<readonly [string, string, readonly Expected[]]> = [
  // The examples.
  ['negation', '无疼痛', [['疼痛', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['uncertainty', '考虑骨转移可能', [['骨转移', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['family', '母亲患乳腺癌', [['乳腺癌', 'DISEASE', 'PRESENT', 'FAMILY']]],
  ['the four-way example', '患者无发热，否认乳腺癌家族史。母亲患卵巢癌。考虑肺转移可能。', [
    ['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['乳腺癌', 'DISEASE', 'ABSENT', 'FAMILY'],
    ['卵巢癌', 'DISEASE', 'PRESENT', 'FAMILY'], ['肺转移', 'DISEASE', 'POSSIBLE', 'PATIENT'],
  ]],
  // Scope: a cue reaches the end of its list, not past a terminator.
  ['list scope ends at 偶有', '无发热、咳嗽，偶有腹痛', [
    ['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['咳嗽', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['腹痛', 'SYMPTOM', 'PRESENT', 'PATIENT'],
  ]],
  ['但 ends the scope', '无发热，但有咳嗽。', [['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['咳嗽', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['伴有 ends the scope', '无发热伴有咳嗽。', [['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['咳嗽', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['有 ends the scope', '无发热有咳嗽。', [['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['咳嗽', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['sentence end ends the scope', '无发热。咳嗽2天。', [['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['咳嗽', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['及 keeps the list', '无胸闷及胸痛。', [['胸闷', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['胸痛', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['a bare list clause continues the negation', '无腹胀，腹泻，无尿频。', [
    ['腹胀', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['腹泻', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['尿频', 'SYMPTOM', 'ABSENT', 'PATIENT'],
  ]],
  ['a clause with more than a list does not', '无发热，咳嗽3天。', [['发热', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['咳嗽', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['否认 reaches past 有', '患者否认发作前有胸闷、胸痛。', [['胸闷', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['胸痛', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['不伴', '伴恶心，不伴呕吐、腹泻。', [
    ['恶心', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['呕吐', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['腹泻', 'SYMPTOM', 'ABSENT', 'PATIENT'],
  ]],
  // Pseudo-negation.
  ['无明显诱因 is not a negation', '患者无明显诱因出现腹痛。', [['腹痛', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['无明显诱因 without a verb', '3天前无明显诱因腹痛，无呕吐。', [['腹痛', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['呕吐', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['不能排除 is uncertainty', '不能排除肺转移。', [['肺转移', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['不除外 before', '不除外淋巴瘤。', [['淋巴瘤', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['不除外 after', '右肺占位，转移不除外。', [['占位', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['转移', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['a two-way cue belongs to the mention after it', '肺结节不除外恶性。', [['肺结节', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['恶性', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['排除 alone negates', '排除肺栓塞。', [['肺栓塞', 'DISEASE', 'ABSENT', 'PATIENT']]],
  ['无痛性 is a descriptor', '扪及无痛性包块。', [['包块', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['无意中 is not a negation', '患者无意中扪及乳腺肿物。', [['肿物', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['无缓解 does not negate the symptom', '患者咯血症状无缓解。', [['咯血', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['未见报告 is about the report', '胃镜示胃癌（未见报告）。', [['胃癌', 'DISEASE', 'PRESENT', 'PATIENT']]],
  // Post-position cues.
  ['阴性 and (-)', 'hbsag阴性，抗hcv(-)，梅毒（-）。', [
    ['hbsag', 'LAB_TEST', 'ABSENT', 'PATIENT'], ['抗hcv', 'LAB_TEST', 'ABSENT', 'PATIENT'], ['梅毒', 'LAB_TEST', 'ABSENT', 'PATIENT'],
  ]],
  ['阴性 over a list', '抗核抗体、抗ds-DNA抗体阴性。', [['抗核抗体', 'LAB_TEST', 'ABSENT', 'PATIENT'], ['抗ds-DNA抗体', 'LAB_TEST', 'ABSENT', 'PATIENT']]],
  ['未见明显异常 negates the finding, not the test', '腹部ct未见明显异常。', [['腹部ct', 'IMAGING', 'PRESENT', 'PATIENT'], ['异常', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['…未见 at the clause end', '肝脾肿大未见。', [['肝脾肿大', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['不明显', '咳嗽症状不明显，骨转移已除外。', [['咳嗽', 'SYMPTOM', 'ABSENT', 'PATIENT'], ['骨转移', 'DISEASE', 'ABSENT', 'PATIENT']]],
  ['体重无明显变化', '体重无明显变化。', [['体重', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['a size that did not change is not a missing nodule', '肝小结节大小较前无明显改变。', [['结节', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['未见明确 before', '肝脏未见明确占位。', [['占位', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  // Uncertainty.
  ['？ after a guess', '门诊以“肝癌？”收入。', [['肝癌', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['？ reaches only its own item', '十二指肠球部隆起（息肉？）。', [['隆起', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['息肉', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['疑似, 倾向, 待排', '右肺结节，疑似转移，倾向炎性病变，结核待排。', [
    ['右肺结节', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['转移', 'DISEASE', 'POSSIBLE', 'PATIENT'],
    ['炎性病变', 'DISEASE', 'POSSIBLE', 'PATIENT'], ['结核', 'DISEASE', 'POSSIBLE', 'PATIENT'],
  ]],
  ['可疑 and 可能性大', '可疑骨转移，淋巴瘤可能性大。', [['骨转移', 'DISEASE', 'POSSIBLE', 'PATIENT'], ['淋巴瘤', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['待查 of a disease is a guess', '肺癌待查。', [['肺癌', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['待查 of a symptom seeks its cause', '腹痛待查。', [['腹痛', 'SYMPTOM', 'PRESENT', 'PATIENT']]],
  ['考虑： governs its sentence', '考虑：宫腔积血，节育器嵌顿。', [['宫腔积血', 'DISEASE', 'POSSIBLE', 'PATIENT'], ['节育器嵌顿', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  ['a bracketed guess stays in its bracket', '膀胱占位（考虑膀胱癌）伴肾积水。', [
    ['膀胱占位', 'SYMPTOM', 'PRESENT', 'PATIENT'], ['膀胱癌', 'DISEASE', 'POSSIBLE', 'PATIENT'], ['肾积水', 'DISEASE', 'PRESENT', 'PATIENT'],
  ]],
  ['a list number ends the scope', '1.考虑肝癌2.肺部感染', [['肝癌', 'DISEASE', 'POSSIBLE', 'PATIENT'], ['肺部感染', 'DISEASE', 'PRESENT', 'PATIENT']]],
  ['有无 asks', '复查肠镜评估有无肠道息肉。', [['息肉', 'DISEASE', 'POSSIBLE', 'PATIENT']]],
  // Subject.
  ['其姐', '其姐患乳腺癌，已故。', [['乳腺癌', 'DISEASE', 'PRESENT', 'FAMILY']]],
  ['a relative reaches across commas to the sentence end', '父亲体健，有高血压病史。患者有糖尿病。', [
    ['高血压', 'DISEASE', 'PRESENT', 'FAMILY'], ['糖尿病', 'DISEASE', 'PRESENT', 'PATIENT'],
  ]],
  ['患者 switches back', '母亲患肺癌，患者无咳嗽。', [['肺癌', 'DISEASE', 'PRESENT', 'FAMILY'], ['咳嗽', 'SYMPTOM', 'ABSENT', 'PATIENT']]],
  ['家族中有…患…', '家族中有2人患胃癌。', [['胃癌', 'DISEASE', 'PRESENT', 'FAMILY']]],
  ['…家族史 present', '有乳腺癌家族史。', [['乳腺癌', 'DISEASE', 'PRESENT', 'FAMILY']]],
  ['否认…家族史 with a list', '否认高血压、糖尿病等家族遗传病史。', [['高血压', 'DISEASE', 'ABSENT', 'FAMILY'], ['糖尿病', 'DISEASE', 'ABSENT', 'FAMILY']]],
  ['one\'s own history before the family\'s', '否认高血压病史及家族遗传病史。', [['高血压', 'DISEASE', 'ABSENT', 'PATIENT']]],
  ['a 家族史 section', '家族史：父母健在，一兄患肝癌，否认糖尿病。既往史：有糖尿病史。', [
    ['肝癌', 'DISEASE', 'PRESENT', 'FAMILY'], ['糖尿病', 'DISEASE', 'ABSENT', 'FAMILY'], ['糖尿病', 'DISEASE', 'PRESENT', 'PATIENT'],
  ]],
  ['a spouse is OTHER', '配偶患乙肝。', [['乙肝', 'DISEASE', 'PRESENT', 'OTHER']]],
  ['roommates and contacts are OTHER', '同室病友确诊肺结核，密切接触者中无发热。', [['肺结核', 'DISEASE', 'PRESENT', 'OTHER'], ['发热', 'SYMPTOM', 'ABSENT', 'OTHER']]],
  ['神经母细胞瘤 is no mother', '患儿诊断为神经母细胞瘤。', [['神经母细胞瘤', 'DISEASE', 'PRESENT', 'PATIENT']]],
];

describe('detectAssertions golden table', () => {
  it.each(GOLDEN)('%s: %s', (_name, text, expected) => {
    const got = detectWords(text, expected.map(([w, t]) => [w, t] as const));
    expect(got.map((r, i) => [expected[i]?.[0], r.assertion, r.subject])).toEqual(expected.map(([w, , a, s]) => [w, a, s]));
  });
});

describe('detectAssertions results', () => {
  it('gives the cue text that decided each mention, null for the default', () => {
    const got = detectWords('患者无发热，否认乳腺癌家族史。母亲患卵巢癌。考虑肺转移可能。咳嗽。', [
      ['发热', 'SYMPTOM'], ['乳腺癌', 'DISEASE'], ['卵巢癌', 'DISEASE'], ['肺转移', 'DISEASE'], ['咳嗽', 'SYMPTOM'],
    ]);
    expect(got.map((r) => r.cue)).toEqual(['无', '否认', '母亲', '可能', null]);
  });

  it('keeps order and length, overlapping and repeated mentions included', () => {
    const text = '无发热。发热3天。';
    const got = detectAssertions(text, [
      { start: 5, end: 7, type: 'SYMPTOM' }, { start: 1, end: 3, type: 'SYMPTOM' }, { start: 1, end: 3, type: 'SYMPTOM' }, { start: 0, end: 3, type: 'SYMPTOM' },
    ]);
    expect(got.map((r) => r.assertion)).toEqual(['PRESENT', 'ABSENT', 'ABSENT', 'ABSENT']);
  });

  it('answers [] for no mentions, also on empty text', () => {
    expect(detectAssertions('', [])).toEqual([]);
    expect(detectAssertions('无发热', [])).toEqual([]);
  });

  it('counts in UTF-16 units next to astral characters', () => {
    const text = '𠮷𠮷无发热';
    const start = text.indexOf('发热');
    expect(start).toBe(5);
    expect(detectAssertions(text, [{ start, end: start + 2, type: 'SYMPTOM' }])[0]?.assertion).toBe('ABSENT');
  });

  it('has a rules version', () => {
    expect(ASSERTION_RULES_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
