import { OncoError } from '../errors/index.js';

/**
 * Errors raised by the NER engine: an `OncoError` with a literal `code`, so callers (CLI, jobs, API) map it without
 * parsing messages; keeps the underlying `cause`.
 */
export type NerErrorCode =
  | 'NER_MODEL_LOAD_FAILED' // model folder missing, incomplete or inconsistent; ONNX graph unusable
  | 'NER_QUEUE_FULL' // more records in flight than `maxQueue`
  | 'NER_ENGINE_CLOSED' // `extract` after (or during) `close()`
  | 'NER_INFERENCE_FAILED' // onnxruntime failed on a batch, or a worker died
  | 'NER_UNKNOWN_HEAD' // `extract(text, { head })` names a head the model folder does not have
  | 'BAD_USER_INPUT'; // e.g. `extract(42)`

export class NerError extends OncoError<NerErrorCode> {
  readonly code: NerErrorCode;

  constructor(code: NerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, {}, options);
    this.code = code;
  }
}

/** Type guard: `isNerError(err) && err.code === 'NER_QUEUE_FULL'`. */
export function isNerError(value: unknown): value is NerError {
  return value instanceof NerError;
}

/** The error for a head name the model lacks; names the heads it has, so a typo is obvious. */
export function unknownHeadError(name: string, known: readonly string[]): NerError {
  return new NerError('NER_UNKNOWN_HEAD', `unknown head '${name}': the model has ${known.map((h) => `'${h}'`).join(', ')}`);
}
