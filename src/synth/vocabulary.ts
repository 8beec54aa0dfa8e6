/**
 * The standard concepts synthetic mentions are coded as: a hand-picked slice of the platform's vocabulary
 * (models/concepts: ICD-10 Beijing v601, ICD-9-CM-3, WHO EML generic drugs) with the same codes, names and IS_A
 * chains, so cohort queries behave on synthetic graphs as on real ones (C50 finds C50.9 and C50.4).
 *
 * @example
 *   conceptId('ICD10', 'C50.9')   // 'ICD10:C50.9'
 */
import type { ConceptSystem } from '../domain/index.js';
import type { SynthConcept } from './synth.types.js';

const c = (system: ConceptSystem, code: string, name: string, parentCode: string | null): SynthConcept => ({ system, code, name, parentCode });

export const SYNTH_CONCEPTS: readonly SynthConcept[] = [
  c('ICD10', 'C00-D48', '肿瘤', null),
  c('ICD10', 'C50-C50', '乳房恶性肿瘤', 'C00-D48'),
  c('ICD10', 'C50', '乳房恶性肿瘤', 'C50-C50'),
  c('ICD10', 'C50.9', '未特指的乳房恶性肿瘤', 'C50'),
  c('ICD10', 'C50.4', '乳房上外象限恶性肿瘤', 'C50'),
  c('ICD10', 'C30-C39', '呼吸和胸腔内器官恶性肿瘤', 'C00-D48'),
  c('ICD10', 'C34', '支气管和肺恶性肿瘤', 'C30-C39'),
  c('ICD10', 'C34.1', '上叶,支气管或肺的恶性肿瘤', 'C34'),
  c('ICD10', 'C34.9', '未特指的支气管或肺恶性肿瘤', 'C34'),
  c('ICD10', 'C15-C26', '消化器官恶性肿瘤', 'C00-D48'),
  c('ICD10', 'C16', '胃恶性肿瘤', 'C15-C26'),
  c('ICD10', 'C16.9', '未特指的胃恶性肿瘤', 'C16'),
  c('ICD10', 'C18', '结肠恶性肿瘤', 'C15-C26'),
  c('ICD10', 'C18.9', '未特指的结肠恶性肿瘤', 'C18'),
  c('ICD10', 'C22', '肝和肝内胆管恶性肿瘤', 'C15-C26'),
  c('ICD10', 'C22.0', '肝细胞癌', 'C22'),
  c('ICD10', 'C73-C75', '甲状腺和其他内分泌腺恶性肿瘤', 'C00-D48'),
  c('ICD10', 'C73', '甲状腺恶性肿瘤', 'C73-C75'),
  c('ICD10', 'C76-C80', '不明确、继发和未特指部位的恶性肿瘤', 'C00-D48'),
  c('ICD10', 'C78', '呼吸和消化器官的继发性恶性肿瘤', 'C76-C80'),
  c('ICD10', 'C78.0', '肺部继发性恶性肿瘤', 'C78'),
  c('ICD10', 'D10-D36', '良性肿瘤', 'C00-D48'),
  c('ICD10', 'D24', '乳房良性肿瘤', 'D10-D36'),
  c('ICD10', 'I00-I99', '循环系统疾病', null),
  c('ICD10', 'I10-I15', '高血压病', 'I00-I99'),
  c('ICD10', 'I10', '特发性(原发性)高血压', 'I10-I15'),
  c('ICD10', 'E00-E90', '内分泌、营养和代谢疾病', null),
  c('ICD10', 'E10-E14', '糖尿病', 'E00-E90'),
  c('ICD10', 'E11', '非胰岛素依赖型糖尿病', 'E10-E14'),
  c('ICD10', 'E11.9', '非胰岛素依赖型糖尿病不伴有并发症', 'E11'),
  c('ICD9CM3', '85-86', '体被系统手术', null),
  c('ICD9CM3', '85.43', '单侧扩大的单纯乳房切除术', '85-86'),
  c('ICD9CM3', '85.45', '单侧根治性乳房切除术', '85-86'),
  c('ICD9CM3', '30-34', '呼吸系统手术', null),
  c('ICD9CM3', '32.41', '胸腔镜下肺叶切除术', '30-34'),
  c('ICD9CM3', '42-54', '消化系统手术', null),
  c('ICD9CM3', '43.7', '胃部分切除术伴胃空肠吻合术', '42-54'),
  c('ICD9CM3', '45.73', '开放性和其他右半结肠切除术', '42-54'),
  c('ICD9CM3', '50.22', '部分肝切除术', '42-54'),
  c('ICD9CM3', '06-07', '内分泌系统手术', null),
  c('ICD9CM3', '06.4', '甲状腺全部切除术', '06-07'),
  c('DRUG', 'EML', '世卫组织基本药物', null),
  c('DRUG', 'EML-8', '抗肿瘤药，免疫抑制剂和姑息护理药', 'EML'),
  c('DRUG', 'EML-8.2', '细胞毒性和辅助药物', 'EML-8'),
  c('DRUG', 'EML-8.3', '激素和抗激素', 'EML-8'),
  ...([
    ['docetaxel', '多西他赛'], ['epirubicin', '表柔比星'], ['cyclophosphamide', '环磷酰胺'], ['trastuzumab', '曲妥珠单抗'],
    ['gefitinib', '吉非替尼'], ['osimertinib', '奥希替尼'], ['cisplatin', '顺铂'], ['carboplatin', '卡铂'],
    ['oxaliplatin', '奥沙利铂'], ['capecitabine', '卡培他滨'], ['paclitaxel', '紫杉醇'], ['sorafenib', '索拉非尼'],
    ['pemetrexed', '培美曲塞'],
  ] as const).map(([code, name]) => c('DRUG', code, name, 'EML-8.2')),
  c('DRUG', 'letrozole', '来曲唑', 'EML-8.3'),
  c('DRUG', 'tamoxifen', '他莫昔芬', 'EML-8.3'),
];

export function conceptId(system: ConceptSystem, code: string): string {
  return `${system}:${code}`;
}

const BY_NAME = new Map(SYNTH_CONCEPTS.filter((x) => x.system === 'DRUG').map((x) => [x.name, conceptId('DRUG', x.code)]));

/** The DRUG concept of a generic name in the vocabulary (`顺铂` → 'DRUG:cisplatin'), else null. */
export function drugConceptId(name: string): string | null {
  return BY_NAME.get(name) ?? null;
}
