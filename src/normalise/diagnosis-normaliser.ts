import { diagnosisCandidates } from './diagnosis-features.js';
import type { DiagnosisModel } from './diagnosis-model.js';
import { foldText } from './fold-text.js';
import { rankCandidates } from './linear-ranker.js';

/** A label chosen for a text, with the ranker's probability. */
export interface ScoredLabel {
  label: number;
  probability: number;
}

/**
 * Every candidate label of a raw diagnosis string with its probability, best first (ties: label id).
 * @example scoreDiagnosis(model, '右乳腺癌IV期')[0] // → { label: <乳腺恶性肿瘤>, probability: 0.9… }
 */
export function scoreDiagnosis(model: DiagnosisModel, text: string): ScoredLabel[] {
  const candidates = diagnosisCandidates(model, text);
  const probabilities = rankCandidates(
    model.ranker,
    candidates.map((c) => model.labelNames[c.label]!),
    candidates.map((c) => model.categoryOf[c.label]!),
    candidates.map((c) => c.features),
    foldText(text),
  );
  return candidates
    .map((c, i) => ({ label: c.label, probability: probabilities[i]! }))
    .sort((a, b) => b.probability - a.probability || a.label - b.label);
}

/**
 * CHIP-CDN style selection: every label at or above the ranker's threshold; when none reaches it, the best one alone
 * if it reaches the floor (a diagnosis string nearly always denotes something); else nothing.
 *
 * @example selectDiagnoses(scored, { threshold: 0.4, floor: 0.1 }) // → labels with p ≥ 0.4, or [best] if p ≥ 0.1
 */
export function selectDiagnoses(scored: readonly ScoredLabel[], cut: { threshold: number; floor: number }): ScoredLabel[] {
  const kept = scored.filter((s) => s.probability >= cut.threshold);
  if (kept.length > 0) return kept;
  const best = scored[0];
  return best && best.probability >= cut.floor ? [best] : [];
}
