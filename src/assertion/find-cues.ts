import { lexiconEntries, type CueKind } from './lexicon.js';

/** One lexicon hit: UTF-16 offsets, end exclusive, with every kind the literal has. */
export interface CueMatch {
  start: number;
  end: number;
  kinds: readonly CueKind[];
}

const KINDS = new Map<string, readonly CueKind[]>(lexiconEntries());

/**
 * One alternation, longest literal first: a JavaScript regex takes the first alternative that matches at a position,
 * so this order makes it leftmost-longest (`无明显诱因` is found, not `无` + `明显`…).
 */
const PATTERN = new RegExp(
  [...KINDS.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gu',
);

/**
 * Every cue in `text`, left to right, non-overlapping.
 *
 * findCues('无明显诱因出现腹痛') → [{ start: 0, end: 5, kinds: ['PSEUDO'] }, { start: 5, end: 7, kinds: ['TERM'] }]
 */
export function findCues(text: string): CueMatch[] {
  const out: CueMatch[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const kinds = KINDS.get(m[0]);
    if (kinds !== undefined) out.push({ start: m.index, end: m.index + m[0].length, kinds });
  }
  return out;
}
