/**
 * A pipeline stage: a name, the layers it reads and adds, and a function that adds them to the document.
 * A stage is small and pure apart from what it is given (the NER stage is given an engine); graph writes are the job's,
 * never a stage's.
 *
 * @example
 *   const upper: PipelineStage = { name: 'shout', version: '1', requires: ['entities'], provides: [], run: (doc) => {...} };
 */
import type { Layer, RecordDocument } from './record-document.js';

export interface PipelineStage {
  /** Unique within a pipeline, e.g. `ner`, `assertion`; names the stage in failures and in `describe()`. */
  readonly name: string;
  /** What produced the layer (model name and version, rule-set version): stored with the extraction. */
  readonly version: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  run(doc: RecordDocument): void | Promise<void>;
}
