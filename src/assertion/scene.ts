import { findBoundaries, type Boundaries } from './clauses.js';
import { findCues, type CueMatch } from './find-cues.js';

/** Everything the rules read about one text, computed once per `detectAssertions` call. */
export interface Scene {
  readonly text: string;
  /** Lexicon hits, sorted and disjoint. */
  readonly cues: readonly CueMatch[];
  readonly boundaries: Boundaries;
  /** Every mention span of the call, sorted by start: a clause holding only mentions is a bare list. */
  readonly spans: ReadonlyArray<{ start: number; end: number }>;
}

/** buildScene('无发热', [{ start: 1, end: 3 }]) → cues [无], no boundaries, spans [[1, 3]]. */
export function buildScene(text: string, spans: ReadonlyArray<{ start: number; end: number }>): Scene {
  return {
    text,
    cues: findCues(text),
    boundaries: findBoundaries(text),
    spans: [...spans].map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start || a.end - b.end),
  };
}

/** Index of the first cue starting at or after `at` (binary search). */
export function cueAt(scene: Scene, at: number): number {
  let lo = 0;
  let hi = scene.cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((scene.cues[mid] as CueMatch).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
