import type { CrfParams } from './crf/crf-params.js';
import type { LabelScheme } from './labels.js';
import type { ScoredSpan } from './window.js';

/** What a worker needs of one CRF head: which ONNX output to decode, and how. */
export interface WorkerHead {
  output: string;
  /** Named in the message when the output's width disagrees with the labels. */
  labelsFile: string;
  crf: CrfParams;
  scheme: LabelScheme;
}

/** Sent once as `workerData`: everything a worker needs to run and decode windows. */
export interface WorkerInit {
  onnxPath: string;
  intraOpThreads: number;
  executionProviders: string[];
  /** Every head is decoded for every window: one ONNX run yields all their outputs. */
  heads: WorkerHead[];
  cls: number;
  sep: number;
  pad: number;
}

/** main → worker: a batch of windows, content ids concatenated ([CLS]/[SEP]/padding are added in the worker). */
export interface RunBatch {
  type: 'run';
  batchId: number;
  lengths: Int32Array; // [batch]
  ids: Int32Array; // [Σ lengths]
}

export type WorkerMessage =
  | { type: 'ready'; provider: string; fallback: string | null }
  | { type: 'init-error'; message: string }
  /** `spans[window][head]`: window-relative spans of each head, heads in `WorkerInit.heads` order. */
  | { type: 'result'; batchId: number; spans: ScoredSpan[][][]; runMs: number }
  | { type: 'error'; batchId: number; message: string };
