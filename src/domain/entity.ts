/**
 * Clinical entity types shared by the NER engine, the time module, the graph and the API.
 * Model label sets (CCKS 2019 Chinese labels, later CCKS 2017) map onto these in `LABEL_TO_TYPE`.
 */
export const ENTITY_TYPES = [
  'DISEASE', // 疾病和诊断
  'IMAGING', // 影像检查
  'LAB_TEST', // 实验室检验
  'SURGERY', // 手术
  'DRUG', // 药物
  'ANATOMY', // 解剖部位
  'SYMPTOM', // 症状和体征 (CCKS 2017)
  'EXAM', // 检查和检验 (CCKS 2017)
  'TREATMENT', // 治疗 (CCKS 2017)
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Source label (as written in the training data) → platform type. */
export const LABEL_TO_TYPE: Readonly<Record<string, EntityType>> = Object.freeze({
  疾病和诊断: 'DISEASE',
  影像检查: 'IMAGING',
  实验室检验: 'LAB_TEST',
  手术: 'SURGERY',
  药物: 'DRUG',
  解剖部位: 'ANATOMY',
  症状和体征: 'SYMPTOM',
  检查和检验: 'EXAM',
  治疗: 'TREATMENT',
  身体部位: 'ANATOMY',
});

/** Types that are events on a timeline (get linked to a time); anatomy is not an event. */
export const EVENT_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  'DISEASE', 'IMAGING', 'LAB_TEST', 'SURGERY', 'DRUG', 'SYMPTOM', 'EXAM', 'TREATMENT',
]);

/**
 * One entity mention found in a text.
 * Offsets are UTF-16 code-unit offsets into the text (`text.slice(start, end) === mention.text`), end exclusive.
 */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  /** The model's label as trained, e.g. `疾病和诊断`. */
  label: string;
  type: EntityType;
  /** Marginal probability of the span under the CRF, 0..1. */
  confidence: number;
}
