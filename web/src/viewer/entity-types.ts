/**
 * The lanes of the timeline: one per event type, in the order a clinician reads a course (diagnosis, then what was
 * done, then what was measured, then what the patient felt). Names match the schema's `EntityType`; Chinese labels
 * are the CCKS ones (docs/entity-types.md).
 */

export interface LaneInfo {
  /** CCKS label, shown first (the records are Chinese). */
  zh: string;
  en: string;
  /** Lane colour; the same hue marks the entity in the source text. */
  colour: string;
}

export const LANES: Readonly<Record<string, LaneInfo>> = {
  DISEASE: { zh: '疾病和诊断', en: 'Disease', colour: '#c2410c' },
  SURGERY: { zh: '手术', en: 'Surgery', colour: '#b91c1c' },
  DRUG: { zh: '药物', en: 'Drug', colour: '#1d4ed8' },
  TREATMENT: { zh: '治疗', en: 'Treatment', colour: '#7c3aed' },
  IMAGING: { zh: '影像检查', en: 'Imaging', colour: '#0f766e' },
  LAB_TEST: { zh: '实验室检验', en: 'Lab test', colour: '#4d7c0f' },
  EXAM: { zh: '检查', en: 'Exam', colour: '#0369a1' },
  SYMPTOM: { zh: '症状和体征', en: 'Symptom', colour: '#a16207' },
  ANATOMY: { zh: '解剖部位', en: 'Anatomy', colour: '#57534e' },
};

const ORDER = Object.keys(LANES);

/** Types in lane order; unknown types (added to the schema later) go last, alphabetically, so they still show. */
export function laneOrder(types: Iterable<string>): string[] {
  const rank = (t: string): number => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function laneInfo(type: string): LaneInfo {
  return LANES[type] ?? { zh: type, en: type, colour: '#44403c' };
}
