import { composedMatches } from './composed-matches.js';
import type { DiagnosisModel } from './diagnosis-model.js';
import { foldText } from './fold-text.js';
import { idfCover, textCover } from './idf-cover.js';
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
  'exact_span', // a span (raw, core or rewritten) is the name
  'composed', // the name is spelt by a span, contiguously or with one stretch left out (share of the span)
  'knn_best', // best similarity of a training span normalised to this name
  'knn_share', // share of the nearest training spans' similarity carrying this name
  'knn_top', // similarity of the nearest training span, if it carries this name
  'assoc_context', // P(label | the span's most specific frequent n-gram): 0 says "spans like this were not this"
  'prior', // log(1 + training frequency), scaled to 0..1
  'seen', // the label was a gold name in training
  'morphology', // an ICD-O morphology code (癌, 腺癌…), not a disease
  'name_length', // name length / 20, capped
  'parts', // punctuation parts of the text / 5, capped
  'lexical_unseen', // cover_name for labels never seen in training (how far string similarity alone carries)
  'pair', // σ(learnt (n-gram, name) pair weights): how the text's n-grams tell this name from other candidates
  // Character-IDF coverage (idf-cover.ts; names in shorthand, 恶性肿瘤 → 癌):
  'idf_name_missing', // share of the name's IDF the text does not contain (面 of 面部血管瘤 for 膝部血管瘤)
  'idf_text_covered', // share of the text's content IDF the name contains
  'idf_part_covered', // the same for the best punctuation part
  'idf_part_missing', // least share of the name's IDF missing from one part
  'bigram_missing', // share of the name's bigrams not in the text
] as const;
/** Position of the pair-weight feature (the build fills it out-of-fold after the other features). */
export const PAIR_FEATURE = FEATURE_NAMES.indexOf('pair');
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** A candidate label with its feature vector. */
export interface Candidate {
  label: number;
  features: Float64Array;
}

// Recall limits: BM25 hits per span, neighbours per span, and the weakest evidence that proposes a label on its own.
const BM25_PER_SPAN = 12;
const NEIGHBOURS = 15;
const CONTEXT_MIN_SPANS = 3;
const MIN_ASSOCIATION_P = 0.08;
const MIN_UNIGRAM_P = 0.3;
const MIN_NEIGHBOUR_SIM = 0.35;

/**
 * Recall then features: every label proposed by an n-gram association, BM25 over label names, a composed or exact
 * match, or a near training span, each with its feature vector. Pure: same text, same candidates (label id order).
 *
 * @example
 *   diagnosisCandidates(model, '右乳腺癌IV期').map((c) => model.labelNames[c.label])
 *   // → ['癌', '乳腺恶性肿瘤', '乳腺良性肿瘤', …] (order: label id)
 */
export function diagnosisCandidates(model: DiagnosisModel, text: string): Candidate[] {
  const folded = foldText(text);
  if (folded.length === 0) return [];
  const spans = diagnosisSpans(text);
  // The whole text is a span only for exact and BM25 matching when it has several parts; its parts cover the rest.
  const parts = splitAtPunctuation(folded);
  const local = parts.length > 1 ? spans.filter((s) => s !== folded) : spans;
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

  const composed = new Map<number, number>();
  for (const span of local) composedMatches(span, model.labelByName, composed);
  for (const [label, share] of composed) get(label)[12] = share;

  const neighbours = new Map<number, [number, number, number]>();
  const context = new Map<number, number>();
  for (const span of local) {
    const votes = model.neighbours.votes(span, NEIGHBOURS);
    for (const v of votes) {
      const [best, share, top] = neighbours.get(v.label) ?? [0, 0, 0];
      neighbours.set(v.label, [Math.max(best, v.best), Math.max(share, v.share), Math.max(top, v.top)]);
      if (v.best >= MIN_NEIGHBOUR_SIM) get(v.label);
    }
    const c = model.associations.context(span, CONTEXT_MIN_SPANS);
    if (c) {
      for (let k = 0; k < c.entries.length; k += 2) {
        const label = c.entries[k]!;
        context.set(label, Math.max(context.get(label) ?? 0, c.entries[k + 1]! / (c.spans + 1)));
      }
    }
  }

  const pairScores = model.pairWeights.scores(folded);
  const partShare = Math.min(1, parts.length / 5);
  const cover = textCover(folded, parts, model.characterIdf);
  const out: Candidate[] = [];
  for (const [label, f] of features) {
    const name = model.labelNames[label]!;
    const s = stats.get(label);
    if (s) for (let i = 0; i < 5; i++) f[i] = Math.min(1, s[i]!);
    for (const span of local) {
      const lcs = lcsLength(span, name);
      f[7] = Math.max(f[7]!, diceBigrams(span, name));
      f[8] = Math.max(f[8]!, lcs / name.length);
      f[9] = Math.max(f[9]!, lcs / span.length);
      f[10] = Math.max(f[10]!, editSimilarity(span, name));
    }
    const n = neighbours.get(label);
    if (n) [f[13], f[14], f[15]] = n;
    f[16] = context.get(label) ?? 0;
    const prior = model.prior[label]!;
    f[17] = Math.log1p(prior) / Math.log1p(model.maxPrior);
    f[18] = prior > 0 ? 1 : 0;
    f[19] = model.morphology[label]!;
    f[20] = Math.min(1, name.length / 20);
    f[21] = partShare;
    f[22] = prior > 0 ? 0 : f[8]!;
    f[23] = 1 / (1 + Math.exp(-(model.pairWeights.bias + (pairScores.get(label) ?? 0))));
    f.set(idfCover(cover, name, model.characterIdf), 24);
    out.push({ label, features: f });
  }
  return out.sort((a, b) => a.label - b.label);
}
