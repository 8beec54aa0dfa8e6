import type { Assertion } from '../domain/entity.js';
import { clauseEnd, clauseStart, type Boundaries } from './clauses.js';
import type { CueMatch } from './find-cues.js';

/** The assertion of one mention and the cue that decided it (null: no cue, PRESENT by default). */
export interface AssertionDecision {
  assertion: Assertion;
  cue: CueMatch | null;
}

const QUESTION = new Set(['?', '？']);

/**
 * The nearest pre-cue in the mention's clause, walking back from the mention. A terminator (`偶有`, `但`, `出现`)
 * closes the scope of anything before it; a pseudo-cue (`无明显诱因`) is stepped over. Cues between list items
 * (`无发热、咳嗽`) do not stop the walk, since other mentions are not cues.
 */
function preCue(cues: readonly CueMatch[], first: number, from: number, to: number): CueMatch | null {
  for (let k = first; k >= 0; k--) {
    const c = cues[k] as CueMatch;
    if (c.start < from) return null;
    if (c.end > to) continue;
    if (c.kinds.includes('NEG_PRE') || c.kinds.includes('POSS_PRE')) return c;
    if (c.kinds.includes('TERM')) return null;
  }
  return null;
}

/** The nearest post-cue in the clause after the mention (`hbsag、hbeab阳性`, `转移瘤可能`), before any terminator. */
function postCue(cues: readonly CueMatch[], first: number, from: number, to: number): CueMatch | null {
  for (let k = first; k < cues.length; k++) {
    const c = cues[k] as CueMatch;
    if (c.start >= to) return null;
    if (c.start < from) continue;
    if (c.kinds.includes('NEG_POST') || c.kinds.includes('POSS_POST')) return c;
    if (c.kinds.includes('TERM') || c.kinds.includes('NEG_PRE') || c.kinds.includes('POSS_PRE')) return null;
  }
  return null;
}

/** Index of the first cue starting at or after `at` (binary search; cues are sorted and disjoint). */
function firstAtOrAfter(cues: readonly CueMatch[], at: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as CueMatch).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Decides PRESENT / ABSENT / POSSIBLE for the span [start, end).
 *
 * assignAssertion('无发热、咳嗽，偶有腹痛', cues, boundaries, 4, 6) → ABSENT (cue 无)
 * assignAssertion('无发热、咳嗽，偶有腹痛', cues, boundaries, 9, 11) → PRESENT (the clause has no cue)
 */
export function assignAssertion(text: string, cues: readonly CueMatch[], b: Boundaries, start: number, end: number): AssertionDecision {
  const from = clauseStart(b, start);
  // A `？` right after the clause still belongs to it (`肝癌？2.肺部感染`).
  let to = clauseEnd(b, end);
  if (to < text.length && QUESTION.has(text[to] as string)) to++;
  const after = firstAtOrAfter(cues, start);
  // Cues inside the span (an aligned `体重无明显变化`) speak for the span.
  for (let k = after; k < cues.length && (cues[k] as CueMatch).start < end; k++) {
    const c = cues[k] as CueMatch;
    if (c.start > start && c.kinds.includes('NEG_POST')) return { assertion: 'ABSENT', cue: c };
  }
  const pre = preCue(cues, after - 1, from, start);
  const post = postCue(cues, firstAtOrAfter(cues, end), end, to);
  const possible = (c: CueMatch | null): boolean => c !== null && (c.kinds.includes('POSS_PRE') || c.kinds.includes('POSS_POST'));
  if (possible(post)) return { assertion: 'POSSIBLE', cue: post };
  if (possible(pre)) return { assertion: 'POSSIBLE', cue: pre };
  if (pre !== null) return { assertion: 'ABSENT', cue: pre };
  if (post !== null) return { assertion: 'ABSENT', cue: post };
  return { assertion: 'PRESENT', cue: null };
}
