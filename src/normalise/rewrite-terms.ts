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
  [/乳(?![腺头房糜汁晕])/gu, '乳腺'],
  [/心梗(?!死|塞)/gu, '心肌梗死'],
  [/脑梗(?!死|塞)/gu, '脑梗死'],
  [/梗塞/gu, '梗死'],
  [/综合症/gu, '综合征'],
  [/陈旧型/gu, '陈旧性'],
  [/上感/gu, '上呼吸道感染'],
  [/慢阻肺/gu, '慢性阻塞性肺疾病'],
  [/房颤/gu, '心房颤动'],
  [/甲亢/gu, '甲状腺功能亢进症'],
  [/甲减/gu, '甲状腺功能减退症'],
  [/冠心病/gu, '冠状动脉粥样硬化性心脏病'],
  [/高血压病/gu, '高血压'],
  [/化疗/gu, '化学治疗'],
  [/放疗/gu, '放射治疗'],
];
