import { AssociationTable } from './association-table.js';
import { Bm25Index } from './bm25-index.js';
import type { ConceptTable } from './concept-table.js';
import { foldText } from './fold-text.js';
import { CharacterIdf } from './idf-cover.js';
import type { DiagnosisData, RankerData } from './index-format.js';
import { NeighbourIndex } from './neighbour-index.js';
import { PairWeights } from './pair-weights.js';

/**
 * Everything the diagnosis normaliser looks at, built once at load: the label space (one label per distinct standard
 * ICD-10 diagnosis name), a BM25 index over the label names, the learnt n-gram associations, label priors, ranker.
 */
export interface DiagnosisModel {
  /** Folded name of each label. */
  readonly labelNames: readonly string[];
  /** Concept id of each label. */
  readonly labelConcepts: readonly number[];
  readonly labelByName: ReadonlyMap<string, number>;
  /** Whether a label's concept is an ICD-O morphology code (M8010/3 癌), not a disease. */
  readonly morphology: Uint8Array;
  readonly bm25: Bm25Index;
  readonly associations: AssociationTable;
  /** Category id of each label (its 3-character ICD-10 code, diagnosisCategories). */
  readonly categoryOf: Int32Array;
  readonly neighbours: NeighbourIndex;
  readonly pairWeights: PairWeights;
  /** Training frequency of each label. */
  readonly prior: Float64Array;
  readonly maxPrior: number;
  /** IDF of characters over the label names (idf-cover.ts). */
  readonly characterIdf: CharacterIdf;
  readonly ranker: RankerData;
}

/**
 * @example buildDiagnosisModel(table, data).labelNames.length // → 37,5xx (distinct diagnosis names)
 */
export function buildDiagnosisModel(table: ConceptTable, data: DiagnosisData): DiagnosisModel {
  const labelNames = data.labels.map((c) => foldText(table.name(c)));
  const labelByName = new Map<string, number>();
  labelNames.forEach((n, i) => labelByName.set(n, i));
  const morphology = Uint8Array.from(data.labels, (c) => (MORPHOLOGY.test(table.code(c)) ? 1 : 0));
  const prior = new Float64Array(labelNames.length);
  for (const [label, count] of data.prior) prior[label] = count;
  const categoryOf = diagnosisCategories(data.labels.map((c) => table.code(c)));
  return {
    labelNames,
    labelConcepts: data.labels,
    labelByName,
    morphology,
    bm25: new Bm25Index(labelNames),
    associations: new AssociationTable(data.associations),
    categoryOf,
    neighbours: new NeighbourIndex(data.neighbours),
    pairWeights: new PairWeights(data.pairWeights),
    prior,
    maxPrior: prior.reduce((m, x) => Math.max(m, x), 1),
    characterIdf: new CharacterIdf(labelNames),
    ranker: data.ranker,
  };
}

const MORPHOLOGY = /^M\d{6}\/\d$/u;

/**
 * Category id of each code: its first three characters (C50.902 → C50, M801000/3 → M80), ids in sorted order of the
 * distinct categories, so the build and the runtime agree without storing them.
 * @example diagnosisCategories(['C50.902', 'C50.9', 'A00']) // → Int32Array [1, 1, 0]
 */
export function diagnosisCategories(codes: readonly string[]): Int32Array {
  const keys = codes.map((c) => c.slice(0, 3));
  const ids = new Map([...new Set(keys)].sort().map((k, i) => [k, i]));
  return Int32Array.from(keys, (k) => ids.get(k)!);
}
