import type { EntityType } from '../../domain/index.js';

/** Anchors that name a visit or the onset: placed by the TIMEX written just before them, not by an entity. */
export const VISIT_ANCHORS: ReadonlySet<string> = new Set(['入院', '住院', '就诊', '就医', '入住', '来院', '来诊', '出院', '发病', '起病']);

/**
 * Entity types that can stand for an anchor word: `术` → SURGERY, `化疗` → DRUG (CCKS 2019 names the drugs of a
 * course) or TREATMENT (CCKS 2017), `服用和爽` → DRUG. Empty for visit words and for what no entity type covers.
 */
export function anchorEntityTypes(anchor: string): readonly EntityType[] {
  if (VISIT_ANCHORS.has(anchor)) return [];
  if (/术$|^手术/.test(anchor) || /移植|介入|栓塞|消融/.test(anchor)) return ['SURGERY', 'TREATMENT'];
  if (/化疗/.test(anchor)) return ['DRUG', 'TREATMENT'];
  if (/放疗/.test(anchor)) return ['TREATMENT'];
  if (/^(?:服用|口服|使用|应用|静滴|注射)|服药|用药|停药/.test(anchor)) return ['DRUG'];
  if (/确诊|诊断/.test(anchor)) return ['DISEASE'];
  if (/治疗/.test(anchor)) return ['DRUG', 'TREATMENT', 'SURGERY'];
  return [];
}
