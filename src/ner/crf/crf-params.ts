/**
 * Linear-chain CRF parameters as read from `crf.json`, flattened for fast loops.
 * `transitions[i * numLabels + j]` scores the move from label i to label j.
 */
export interface CrfParams {
  numLabels: number;
  /** [numLabels * numLabels], row = from, column = to. */
  transitions: Float64Array;
  /** [numLabels] score of the first label. */
  start: Float64Array;
  /** [numLabels] score of the last label. */
  end: Float64Array;
}

/**
 * A read-only view of one window's emissions: `data[offset + t * numLabels + j]` for t in [0, length).
 * Kept as a view so a batch output tensor is decoded in place without copies.
 */
export interface EmissionView {
  data: ArrayLike<number>;
  offset: number;
  length: number;
}
