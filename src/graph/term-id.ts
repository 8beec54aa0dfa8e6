/**
 * A Term is one (type, normalised text) pair shared by every patient's mentions of it: the literal grouping of
 * mentions, kept beside the standard Concept a mention is coded as (`左乳腺癌` and `乳腺癌` are two Terms, one Concept).
 * Normalisation: NFKC (full-width → ASCII), Latin lower-case, whitespace removed.
 *
 * @example
 *   termId('DRUG', ' ＣＥＦ 方案')   // 'DRUG:cef方案'
 */
import { conceptKey, type ConceptCode, type EntityType } from '../domain/index.js';

export function normaliseTermName(text: string): string {
  return normaliseSearchText(text).replace(/\s+/gu, '');
}

/** The form mention text is stored and searched in (`textLower`). */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function termId(type: EntityType, text: string): string {
  return `${type}:${normaliseTermName(text)}`;
}

/**
 * A standard concept's node id: `<system>:<code>`.
 *
 * @example
 *   conceptNodeId({ system: 'ICD10', code: 'C50.9', name: '乳腺恶性肿瘤' })   // 'ICD10:C50.9'
 */
export function conceptNodeId(c: Pick<ConceptCode, 'system' | 'code'>): string {
  return conceptKey(c);
}
