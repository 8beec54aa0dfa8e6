import type { CrfParams, EmissionView } from './crf/crf-params.js';
import { forwardBackward, spanMarginal } from './crf/marginals.js';
import { tagsToSpans } from './crf/tags-to-spans.js';
import { viterbiDecode } from './crf/viterbi.js';
import type { LabelScheme } from './labels.js';
import type { ScoredSpan } from './window.js';

/**
 * One window's emissions → entity spans with marginal confidences (Viterbi, BIOES grouping, forward–backward).
 * Runs inside the inference workers so the main thread never does O(n·L²) work.
 */
export function decodeWindow(emissions: EmissionView, crf: CrfParams, scheme: LabelScheme): ScoredSpan[] {
  if (emissions.length === 0) return [];
  const path = viterbiDecode(emissions, crf);
  const spans = tagsToSpans(path, scheme);
  if (spans.length === 0) return [];
  const fb = forwardBackward(emissions, crf);
  return spans.map((s) => ({ ...s, confidence: spanMarginal(fb, emissions, crf, path, s.start, s.end - 1) }));
}
