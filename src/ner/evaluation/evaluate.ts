import { LABEL_TO_TYPE } from '../../domain/index.js';
import type { NerEngine } from '../engine.js';
import type { CcksRecord } from './ccks-reader.js';
import { scoredLabels } from './datasets.js';
import { chooseHead, type HeadChoice } from './head-choice.js';
import { SpanScorer, type Scores } from './score.js';

export interface EvaluationOptions {
  /** Types or labels to score (`DISEASE` or `疾病和诊断`); default: see `scoredLabels`. */
  types?: readonly string[];
  /** Score this head's own output; default see `chooseHead`. */
  head?: string;
  /** Records decoded concurrently (their windows share batches). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EvaluationResult extends Scores {
  records: number;
  /** Platform types scored, in order. */
  types: string[];
  /** The head scored (null: the merged output) and why. */
  head: HeadChoice['head'];
  headReason: HeadChoice['reason'];
}

/** Labels map to platform types (`身体部位` and `解剖部位` are both ANATOMY); an unknown gold label scores as itself. */
export function typeOfLabel(label: string): string {
  return LABEL_TO_TYPE[label] ?? label;
}

/** Runs the engine over gold records and scores strict (start, end, type) matches. */
export async function evaluateRecords(engine: NerEngine, records: readonly CcksRecord[], options: EvaluationOptions = {}): Promise<EvaluationResult> {
  const goldLabels = records.flatMap((r) => r.gold.map((g) => g.label));
  const choice = chooseHead(engine.model.heads, goldLabels, options.head);
  // The labels the scored output can contain: a head's own labels, or the served union.
  const outputLabels = engine.model.heads.find((h) => h.name === choice.head)?.labels ?? engine.model.labels;
  const extractOptions = choice.head !== null ? { head: choice.head } : undefined;
  const labels = options.types ?? scoredLabels(goldLabels, outputLabels);
  const types = [...new Set(labels.map(typeOfLabel))];
  const scorer = new SpanScorer(types);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < records.length) {
      const record = records[next++] as CcksRecord;
      const predicted = await engine.extract(record.text, extractOptions);
      scorer.add(
        record.gold.map((g) => ({ start: g.start, end: g.end, type: typeOfLabel(g.label) })),
        predicted.map((p) => ({ start: p.start, end: p.end, type: p.type })),
      );
      options.onProgress?.(++done, records.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, records.length)) }, lane));
  return { ...scorer.scores(), records: records.length, types, head: choice.head, headReason: choice.reason };
}
