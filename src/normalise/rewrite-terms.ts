/**
 * Rewrites clinical shorthand into the wording of the standard names, so string matching can see that 右乳癌 is
 * 乳腺恶性肿瘤 and 肺转移 is 肺继发恶性肿瘤. Applied to a folded span; the rewritten form is an extra span beside
 * the original, never a replacement. Hand-written: these are the few systematic differences between how Chinese
 * records and ICD-10 (Beijing v601) name the same thing, most of them about tumours.
 *
 * @example rewriteTerms('右乳癌')       // → '右乳腺恶性肿瘤'
 * @example rewriteTerms('肺转移癌')     // → '肺继发恶性肿瘤'
 * @example rewriteTerms('陈旧型心梗')   // → '陈旧性心肌梗死'
 * @example rewriteTerms('CA125升高')   // → 'CA125升高' (a tumour marker, not a cancer)
 */
export function rewriteTerms(span: string): string {
  let s = span;
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  return s;
}

const REWRITES: readonly [RegExp, string][] = [
  [/转移性?癌|转移瘤|转移灶|转移/gu, '继发恶性肿瘤'],
  [/(?<!继发)恶性肿瘤|肉瘤|(?<!抗原)癌(?!胚|抗原|症)|CA(?!\d)|MT(?!\d)|MT$/gu, '恶性肿瘤'],
  // Benign tumours by their histology (淋巴瘤, 黑色素瘤, 骨髓瘤, 胶质瘤 and 母细胞瘤 are malignant: not matched).
  [/(?<!淋巴|黑色素|骨髓|胶质|母细胞)(?:囊腺瘤|腺瘤|平滑肌瘤|肌瘤|脂肪瘤|纤维瘤|血管瘤|乳头状瘤|神经鞘瘤|错构瘤|软骨瘤|骨瘤)/gu, '良性肿瘤'],
  [/乳(?![腺头房糜汁晕])/gu, '乳腺'],
  [/心梗(?!死|塞)/gu, '心肌梗死'],
  [/脑梗(?!死|塞)/gu, '脑梗死'],
  [/梗塞/gu, '梗死'],
  [/综合症/gu, '综合征'],
  [/陈旧型/gu, '陈旧性'],
  [/髙/gu, '高'],
  [/上感/gu, '上呼吸道感染'],
  [/慢阻肺|COPD/gu, '慢性阻塞性肺疾病'],
  [/慢支/gu, '慢性支气管炎'],
  [/支扩/gu, '支气管扩张'],
  [/房颤/gu, '心房颤动'],
  [/房扑/gu, '心房扑动'],
  [/室早/gu, '室性期前收缩'],
  [/房早/gu, '房性期前收缩'],
  [/早搏/gu, '期前收缩'],
  [/心衰/gu, '心力衰竭'],
  [/肾衰/gu, '肾衰竭'],
  [/呼衰/gu, '呼吸衰竭'],
  [/冠脉/gu, '冠状动脉'],
  [/TIA/gu, '短暂性脑缺血发作'],
  [/甲亢/gu, '甲状腺功能亢进症'],
  [/甲减/gu, '甲状腺功能减退症'],
  [/冠心病/gu, '冠状动脉粥样硬化性心脏病'],
  [/慢乙肝/gu, '慢性乙型病毒性肝炎'],
  [/乙肝/gu, '乙型病毒性肝炎'],
  [/丙肝/gu, '丙型病毒性肝炎'],
  [/粒缺/gu, '粒细胞缺乏'],
  [/强脊炎/gu, '强直性脊柱炎'],
  [/腰突症?/gu, '腰椎间盘突出'],
  [/高血脂(?!症)/gu, '高脂血症'],
  [/尿感/gu, '泌尿道感染'],
  [/OA|骨关节炎/gu, '骨关节病'],
  [/AVN/gu, '缺血性坏死'],
  [/(?:切割|撕裂|挫裂|割|裂|刺|咬)伤/gu, '开放性损伤'],
  [/高血压病/gu, '高血压'],
  // Grades are Arabic in standard names (高血压3级): folded Roman numerals before 级.
  [/(?<![A-Z])IV(?=级)/gu, '4'],
  [/(?<![A-Z])III(?=级)/gu, '3'],
  [/(?<![A-Z])II(?=级)/gu, '2'],
  [/(?<![A-Z])I(?=级)/gu, '1'],
  [/化疗/gu, '化学治疗'],
  [/放疗/gu, '放射治疗'],
];
