/**
 * A Concept is one (type, normalised name) pair shared by every patient's mentions of it.
 * Normalisation: NFKC (full-width → ASCII), Latin lower-case, whitespace removed.
 *
 * @example
 *   conceptId('DRUG', ' ＣＥＦ 方案')   // 'DRUG:cef方案'
 */
import type { EntityType } from '../domain/entity.js';

export function normaliseConceptName(text: string): string {
  return normaliseSearchText(text).replace(/\s+/gu, '');
}

/** The form mention text is stored and searched in (`textLower`). */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function conceptId(type: EntityType, text: string): string {
  return `${type}:${normaliseConceptName(text)}`;
}
