/**
 * The cue lexicon (ConText's trigger terms, for Chinese EMRs). Every entry is a literal; at each position the
 * longest entry wins (`不能排除` before `排除`, `无明显诱因` before `无`), so pseudo-cues only need to be listed to
 * switch a shorter cue off.
 *
 * Kinds:
 * - NEG_PRE / NEG_POST: negation before (`无发热`) or after (`hbsag阴性`) the finding;
 * - POSS_PRE / POSS_POST: uncertainty (`考虑肺转移`, `肺转移可能`);
 * - PSEUDO: looks like a cue and is none (`无明显诱因出现腹痛`: the 腹痛 is there);
 * - TERM: ends a pre-cue's scope (`无发热，偶有腹痛`: 偶有 starts an asserted stretch);
 * - FAMILY / OTHER / PATIENT: who the following findings are about;
 * - FAMILY_POST: `乳腺癌家族史` (the finding before it is a relative's).
 */
export type CueKind = 'NEG_PRE' | 'NEG_POST' | 'POSS_PRE' | 'POSS_POST' | 'PSEUDO' | 'TERM' | 'FAMILY' | 'FAMILY_POST' | 'OTHER' | 'PATIENT';

const NEG_PRE = [
  '无', '未', '否认', '未见', '未见明显', '未见明确', '未触及', '未扪及', '未闻及', '未及', '未发现', '未诉', '未出现', '未再',
  '未有', '没有', '不伴', '不伴有', '并无', '均无', '亦无', '也无', '排除', '已排除', '已除外', '否认有', '无明显', '无任何',
  '未见有', '未引出', '未探及', '未查见', '未检出', '不觉', '不感', '从未', '未再诉', '未再出现', '未再发', '未感', '未觉', '未述',
  '不咳', '不咯', '未见异常', '未见明显异常', '无明显异常', '无异常',
];

const NEG_POST = [
  '阴性', '(-)', '（-）', '（—）', '(—)', '（－）', '(－)', '未见异常', '未见明显异常', '无明显异常', '无异常', '未见明显变化',
  '无明显变化', '无变化', '未见明显改变', '无明显改变', '无明显下降', '未见明显下降', '无下降', '无明显减轻', '无减轻',
  '无明显增减', '无明显增加', '不明显', '已除外', '已排除', '可排除', '未见', '未及', '未触及', '未闻及', '未查见',
];

const POSS_PRE = [
  '考虑', '考虑为', '疑似', '疑为', '疑', '可疑', '怀疑', '倾向', '倾向于', '拟诊', '不除外', '不能除外', '不能排除', '不排除',
  '未除外', '待排', '待排除', '待除外', '可能为', '可能是', '可能', '似', '或为', '警惕', '需排除', '需除外', '建议除外',
  '性质待定', '疑诊', '初步诊断', '印象', '考虑：', '考虑:', '自认为', '自以为', '如为', '若为', '如系', '若系', '有无', '是否有',
  '是否',
];

const POSS_POST = [
  '可能', '可能性大', '可能大', '之可能', '待查', '待排', '待排除', '待除外', '不除外', '不能除外', '不能排除', '未除外',
  '不排除', '待定', '性质待定', '待诊', '原因待查', '原因待诊', '?', '？', '可疑', '可能性',
  '不完全除外', '不完全排除',
];

const PSEUDO = [
  '无明显诱因', '无诱因', '无明显原因', '无原因', '无特殊', '无力', '无痛性', '无效', '无法', '无好转', '无明显好转',
  '无缓解', '无明显缓解', '未予重视', '未予', '未行', '未治疗', '未经', '未规律', '未做', '未愈', '未能', '不详', '未明',
  '未分化', '无功能', '无菌', '无创', '无禁忌', '无明显禁忌', '未见禁忌', '无手术禁忌', '无化疗禁忌', '未见绝对手术禁忌', '未见明显禁忌', '无明确', '未诊治',
  '无痛', '无意中', '无意间', '无意发现', '无意触及', '无意扪及', '无意间发现', '无意中发现', '未见报告', '未见原报告', '未见具体报告', '未见检查报告', '未见相关报告', '未见病检报告',
  '未见病理报告', '未见报告单', '未见原片', '排除禁忌', '排除化疗禁忌', '排除放化疗禁忌', '排除手术禁忌', '排除放疗禁忌',
];

/** Single characters that also occur inside words (`进行性`, `神经`, `紧缩感`) are left out on purpose. */
const TERM = [
  '但', '但是', '然', '伴有', '偶有', '偶伴', '有', '出现', '诉', '可见', '见', '示', '提示', '仍', '仍有', '又', '遂', '因',
  '自觉', '后于', '后予', '后行', '后给予', '后予以',
];

const FAMILY = [
  '母亲', '父亲', '其母', '其父', '其兄', '其弟', '其姐', '其妹', '其子', '其女', '祖父', '祖母', '外祖父', '外祖母', '姐姐',
  '哥哥', '弟弟', '妹妹', '儿子', '女儿', '子女', '兄弟姐妹', '兄弟', '姐妹', '兄妹', '姐弟', '叔叔', '伯父', '舅舅',
  '姑姑', '姨妈', '姑母', '姨母', '家族中', '家族内', '家族成员', '家族里', '亲属', '一级亲属', '二级亲属', '父母', '胞兄',
  '胞弟', '胞姐', '胞妹', '母患', '父患', '兄患', '弟患', '姐患', '妹患', '一姐', '一妹', '一兄', '一弟', '表姐',
  '表妹', '表兄', '表弟', '堂姐', '堂妹', '堂兄', '堂弟', '孙子', '孙女', '外孙',
];

const FAMILY_POST = ['家族史', '家族遗传史', '家族遗传病史', '家族性疾病史', '家族病史', '遗传病史', '家族遗传性疾病史'];

const OTHER = ['配偶', '丈夫', '妻子', '爱人', '同事', '同学', '邻居', '同室', '同病室', '室友', '病友', '接触者', '密切接触者', '密接者', '朋友'];

const PATIENT = ['患者', '患儿', '本人', '病人', '其本人'];

/** Literal → kind. Where a literal is both a pre- and a post-cue (`可能`, `待排`), both kinds are listed. */
export function lexiconEntries(): ReadonlyArray<readonly [string, readonly CueKind[]]> {
  const kinds = new Map<string, CueKind[]>();
  const add = (words: readonly string[], kind: CueKind): void => {
    for (const w of words) {
      const list = kinds.get(w) ?? [];
      if (!list.includes(kind)) list.push(kind);
      kinds.set(w, list);
    }
  };
  add(NEG_PRE, 'NEG_PRE');
  add(NEG_POST, 'NEG_POST');
  add(POSS_PRE, 'POSS_PRE');
  add(POSS_POST, 'POSS_POST');
  add(PSEUDO, 'PSEUDO');
  add(TERM, 'TERM');
  add(FAMILY, 'FAMILY');
  add(FAMILY_POST, 'FAMILY_POST');
  add(OTHER, 'OTHER');
  add(PATIENT, 'PATIENT');
  return [...kinds.entries()];
}
