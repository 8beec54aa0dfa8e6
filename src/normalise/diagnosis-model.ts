import { AssociationTable } from './association-table.js';
import { Bm25Index } from './bm25-index.js';
import type { ConceptTable } from './concept-table.js';
import { foldText } from './fold-text.js';
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
  readonly neighbours: NeighbourIndex;
  readonly pairWeights: PairWeights;
  /** Training frequency of each label. */
  readonly prior: Float64Array;
  readonly maxPrior: number;
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
  return {
    labelNames,
    labelConcepts: data.labels,
    labelByName,
    morphology,
    bm25: new Bm25Index(labelNames),
    associations: new AssociationTable(data.associations),
    neighbours: new NeighbourIndex(data.neighbours),
    pairWeights: new PairWeights(data.pairWeights),
    prior,
    maxPrior: prior.reduce((m, x) => Math.max(m, x), 1),
    ranker: data.ranker,
  };
}

const MORPHOLOGY = /^M\d{6}\/\d$/u;
