import type { DiagnosisModel } from './diagnosis-model.js';
import { foldText } from './fold-text.js';
import { diceBigrams, editSimilarity, lcsLength } from './similarity.js';
import { diagnosisSpans, splitAtPunctuation } from './split-diagnosis.js';

/** Names of the ranker's features, in vector order (the index file stores weights in this order). */
export const FEATURE_NAMES = [
  'assoc_p', // best smoothed P(label | n-gram in text) over the text's n-grams
  'assoc_p_long', // the same over n-grams of 2+ characters
  'assoc_len', // longest n-gram (/6) with P ≥ 0.3
  'assoc_support', // log count of the best association
  'assoc_votes', // Σ P·length over associated n-grams / text length, capped at 1
  'bm25_rel', // BM25 score / the best BM25 score of that span
  'bm25_rank', // 1 / (1 + rank) in the best span
  'dice', // character-bigram Dice with the best span
  'cover_name', // LCS / name length
  'cover_span', // LCS / span length
  'edit', // 1 − edit distance / longer length
  'exact_span', // a span (or its core) is the name
  'in_text', // the name occurs verbatim in the text
  'prior', // log(1 + training frequency), scaled to 0..1
  'seen', // the label was a gold name in training
  'morphology', // an ICD-O morphology code (癌, 腺癌…), not a disease
  'name_length', // name length / 20, capped
  'parts', // punctuation parts of the text / 5, capped
  'lexical_unseen', // cover_name for labels never seen in training (how far string similarity alone carries)
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** A candidate label with its feature vector. */
export interface Candidate {
  label: number;
  features: Float64Array;
}

// Recall limits: BM25 hits per span, and the weakest association that proposes a label on its own.
const BM25_PER_SPAN = 8;
const MIN_ASSOCIATION_P = 0.08;
const MIN_UNIGRAM_P = 0.3;

/**
 * Recall then features: every label proposed by an n-gram association, by BM25 over label names for any span, or
 * by an exact span match, each with its feature vector. Pure: same text, same candidates, same order (label id).
 *
 * @example
 *   diagnosisCandidates(model, '右乳腺癌IV期').map((c) => model.labelNames[c.label])
 *   // → ['乳腺恶性肿瘤', '癌', '乳腺良性肿瘤', …] (order: label id)
 */
export function diagnosisCandidates(model: DiagnosisModel, text: string): Candidate[] {
  const folded = foldText(text);
  if (folded.length === 0) return [];
  const spans = diagnosisSpans(text);
  const features = new Map<number, Float64Array>();
  const get = (label: number): Float64Array => {
    let f = features.get(label);
    if (!f) features.set(label, (f = new Float64Array(FEATURE_COUNT)));
    return f;
  };

  // Association statistics for every label any n-gram points at; only strong ones propose a candidate, so the
  // result does not depend on the order n-grams are looked up in.
  const stats = new Map<number, Float64Array>();
  for (const a of model.associations.lookup(folded)) {
    const p = a.count / (a.spans + 1);
    let s = stats.get(a.label);
    if (!s) stats.set(a.label, (s = new Float64Array(5)));
    if (p > s[0]!) {
      s[0] = p;
      s[3] = Math.log1p(a.count) / 5;
    }
    if (a.gramLength >= 2) s[1] = Math.max(s[1]!, p);
    if (p >= 0.3) s[2] = Math.max(s[2]!, a.gramLength / model.associations.maxGram);
    s[4] = s[4]! + (p * a.gramLength) / folded.length;
    if (p >= (a.gramLength === 1 ? MIN_UNIGRAM_P : MIN_ASSOCIATION_P)) get(a.label);
  }

  for (const span of spans) {
    const hits = model.bm25.search(span, BM25_PER_SPAN);
    const top = hits[0]?.score ?? 0;
    hits.forEach((hit, rank) => {
      const f = get(hit.doc);
      f[5] = Math.max(f[5]!, top > 0 ? hit.score / top : 0);
      f[6] = Math.max(f[6]!, 1 / (1 + rank));
    });
    const exact = model.labelByName.get(span);
    if (exact !== undefined) get(exact)[11] = 1;
  }

  const parts = Math.min(1, splitAtPunctuation(folded).length / 5);
  const out: Candidate[] = [];
  for (const [label, f] of features) {
    const name = model.labelNames[label]!;
    const s = stats.get(label);
    if (s) for (let i = 0; i < 5; i++) f[i] = s[i]!;
    for (const span of spans) {
      const lcs = lcsLength(span, name);
      f[7] = Math.max(f[7]!, diceBigrams(span, name));
      f[8] = Math.max(f[8]!, lcs / name.length);
      f[9] = Math.max(f[9]!, lcs / span.length);
      f[10] = Math.max(f[10]!, editSimilarity(span, name));
    }
    f[4] = Math.min(1, f[4]!);
    f[12] = folded.includes(name) ? 1 : 0;
    const prior = model.prior[label]!;
    f[13] = Math.log1p(prior) / Math.log1p(model.maxPrior);
    f[14] = prior > 0 ? 1 : 0;
    f[15] = model.morphology[label]!;
    f[16] = Math.min(1, name.length / 20);
    f[17] = parts;
    f[18] = prior > 0 ? 0 : f[8]!;
    out.push({ label, features: f });
  }
  return out.sort((a, b) => a.label - b.label);
}
