import type { EntityMention } from '../../domain/index.js';

const ADMISSION_REASON_BEFORE = /(?:以|拟|按)\s*\\*[“"]?[^，,。；;“”"]*$/;
const ADMISSION_REASON_AFTER = /^[^，,。；;“"]*?[”"]?[^，,。；;]{0,8}?(?:收入|收住|收治|入院|住院)/;
const CURRENT_HEADER = /(?:入院诊断|初步诊断|目前诊断|临床诊断|现诊断为?|现考虑)\s*[：:]?[^。]*$/;

/**
 * Whether a diagnosis is stated as the current state (guideline §2): the reason for this admission
 * (`门诊以“左乳癌”收入`, `拟…化疗收治入院`) or under a current-diagnosis header (`入院诊断：1.左乳癌`, `现诊断为…`).
 * A discharge diagnosis of an earlier stay is not current (README decision 5).
 */
export function isCurrentStateDiagnosis(text: string, e: EntityMention, sentenceStart: number): boolean {
  if (e.type !== 'DISEASE') return false;
  const before = text.slice(Math.max(sentenceStart, e.start - 30), e.start);
  const after = text.slice(e.end, e.end + 30);
  if (ADMISSION_REASON_BEFORE.test(before) && ADMISSION_REASON_AFTER.test(after)) return true;
  return CURRENT_HEADER.test(text.slice(sentenceStart, e.start));
}
