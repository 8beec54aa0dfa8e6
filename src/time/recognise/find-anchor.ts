import { type EntityMention, EVENT_TYPES } from '../../domain/index.js';
import { ANCHOR_WORDS } from './lexicon.js';

/** An event word found before an offset: where it starts and how it is written. */
export interface AnchorHit {
  start: number;
  word: string;
}

const VERB_OBJECT = /(服用|口服|使用|应用|静滴|注射)([^\s，。,；;、\d“”"（）()]{1,6})$/;

/**
 * The event word that ends exactly at `pos` (`…根治术|后2年` → `术`, `抗结核治疗|2年后` → `治疗`,
 * `服用和爽|1小时后` → `服用和爽`), or an event entity ending there (`TACE|后1月`).
 */
export function anchorEndingAt(text: string, pos: number, entities: readonly EntityMention[]): AnchorHit | null {
  const before = text.slice(Math.max(0, pos - 12), pos);
  const vo = VERB_OBJECT.exec(before);
  if (vo && vo[0]) return { start: pos - vo[0].length, word: vo[0] };
  for (const w of ANCHOR_WORDS) if (before.endsWith(w)) return { start: pos - w.length, word: w };
  const entity = entities.find((e) => e.end === pos && EVENT_TYPES.has(e.type));
  if (entity) return { start: entity.start, word: entity.text.trim() };
  return null;
}

/**
 * For a bare `N后` (`入院后治疗效果不佳，2天后`): the event it counts from, searched backwards. An `X后` written
 * earlier wins (`入院后` → `入院`); else the nearest event word; else the nearest event entity. Null if none.
 */
export function anchorBefore(text: string, pos: number, entities: readonly EntityMention[]): string | null {
  const window = text.slice(Math.max(0, pos - 80), pos);
  let best: { at: number; word: string } | null = null;
  for (const w of ANCHOR_WORDS) {
    const at = window.lastIndexOf(`${w}后`);
    if (at >= 0 && (best === null || at > best.at)) best = { at, word: w };
  }
  if (best) return best.word;
  for (const w of ANCHOR_WORDS) {
    const at = window.lastIndexOf(w);
    if (at >= 0 && (best === null || at > best.at)) best = { at, word: w };
  }
  if (best) return best.word;
  const entity = [...entities].reverse().find((e) => e.end <= pos && EVENT_TYPES.has(e.type));
  return entity ? entity.text.trim() : null;
}
