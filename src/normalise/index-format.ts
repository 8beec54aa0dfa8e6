import type { ConceptSystem } from '../domain/index.js';
import type { AssociationData } from './association-table.js';
import type { NeighbourData } from './neighbour-index.js';
import type { PairWeightData } from './pair-weights.js';

/**
 * The files of a concept index folder (models/concepts/), written by tools/concept-index/build-index.ts:
 *   manifest.json       IndexManifest (readable: version, sources, counts, measured metrics)
 *   concepts.json.gz    VocabularyData (every code with its standard name, parents and hand-written synonyms)
 *   diagnosis.json.gz   DiagnosisData (what was learnt from CHIP-CDN pairs: labels, associations, ranker)
 */
export const INDEX_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';
export const VOCABULARY_FILE = 'concepts.json.gz';
export const DIAGNOSIS_FILE = 'diagnosis.json.gz';

export interface IndexManifest {
  format: number;
  version: string;
  /** Which CHIP-CDN pairs the learnt part saw: `train` (dev held out) or `all`. */
  trainedOn: string;
  sources: Record<string, string>;
  counts: Record<string, number>;
  metrics?: Record<string, unknown>;
}

/**
 * Concepts as parallel arrays (index = concept id). `parents[i]` are concept ids, nearest first: one for a code
 * (C50.902 → C50.9), the component drugs then the group for a regimen.
 */
export interface VocabularyData {
  systems: ConceptSystem[];
  concepts: { system: number[]; code: string[]; name: string[]; parents: number[][] };
  /** [concept id, synonym]: brand names, aliases, surgery phrases (hand-written, see tools/concept-index/data). */
  synonyms: [number, string][];
}

/** A logistic model: σ(w·x + b). */
export interface LinearModel {
  weights: number[];
  bias: number;
}

/**
 * Ranker of diagnosis candidates: a first logistic model over each candidate's own `features`, then a second over
 * those plus `contextFeatures` (where the candidate stands among the text's candidates by first-stage probability).
 */
/** σ(w2 · relu(W1 x + b1) + b2); `w1` row-major, hidden × inputs. */
export interface MlpData {
  inputs: number;
  hidden: number;
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
}

export interface RankerData {
  features: string[];
  contextFeatures: string[];
  first: LinearModel;
  second: LinearModel;
  /**
   * Second stage as a small network (one ReLU hidden layer) over the same inputs as `second`; when present it gives
   * the probabilities `threshold` and `floor` apply to, and `second` is kept only as the linear fallback.
   */
  mlp?: MlpData;
  /**
   * Third stage (a network like `mlp`) over the second stage's inputs, the context features again from the second
   * stage's probabilities, and the cover features (cover-features.ts); when present it gives the probabilities the
   * cut applies to.
   */
  third?: MlpData;
  /** normaliseDiagnosis keeps every candidate at or above this second-stage probability… */
  threshold: number;
  /** …and the best one alone when none reaches it but it reaches this (else nothing fits). */
  floor: number;
}

export interface DiagnosisData {
  /** Label id → concept id: one label per distinct standard diagnosis name. */
  labels: number[];
  /** [label, times it was a gold name in the training pairs]. */
  prior: [number, number][];
  associations: AssociationData;
  neighbours: NeighbourData;
  pairWeights: PairWeightData;
  ranker: RankerData;
}
