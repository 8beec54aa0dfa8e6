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

/**
 * What the record says about a mention (ConText-style): PRESENT (asserted), ABSENT (negated: 无, 否认, 未见, 阴性,
 * (-)…) or POSSIBLE (uncertain or to be ruled out: 考虑, 可能, 待排, 不除外, 疑似…).
 */
export const ASSERTIONS = ['PRESENT', 'ABSENT', 'POSSIBLE'] as const;
export type Assertion = (typeof ASSERTIONS)[number];

/** Whose fact it is: the patient's, a relative's (家族史, 母亲患…), or someone else's. */
export const SUBJECTS = ['PATIENT', 'FAMILY', 'OTHER'] as const;
export type Subject = (typeof SUBJECTS)[number];

/**
 * Standard vocabularies a mention can be coded in: ICD10 (Beijing clinical edition v601, diagnoses),
 * ICD9CM3 (ICD-9-CM-3 procedures), DRUG (generic drug names).
 */
export const CONCEPT_SYSTEMS = ['ICD10', 'ICD9CM3', 'DRUG'] as const;
export type ConceptSystem = (typeof CONCEPT_SYSTEMS)[number];

/** A code with its standard name, e.g. `{ system: 'ICD10', code: 'C50.9', name: '乳腺恶性肿瘤' }`. */
export interface ConceptCode {
  system: ConceptSystem;
  code: string;
  name: string;
}

/**
 * A standard concept a mention denotes, with its ancestors nearest first (C50.9 → C50 → C00-D48), so a query for
 * C50 finds C50.9. `score` is the normaliser's confidence, 0..1.
 */
export interface ConceptRef extends ConceptCode {
  ancestors: readonly ConceptCode[];
  score: number;
}

/** An entity mention with what the pipeline learnt about its meaning. */
export interface AnnotatedMention extends EntityMention {
  assertion: Assertion;
  subject: Subject;
  /** null: not a codable type, or nothing in the vocabulary fits. */
  concept: ConceptRef | null;
}

/**
 * A concept's id across systems: `<system>:<code>`.
 *
 * @example
 *   conceptKey({ system: 'ICD10', code: 'C50.9' })   // 'ICD10:C50.9'
 */
export function conceptKey(c: Pick<ConceptCode, 'system' | 'code'>): string {
  return `${c.system}:${c.code}`;
}
