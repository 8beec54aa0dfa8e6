/**
 * Classifies why a record failed into a `RecordError` code and a message built from the error's class and code only,
 * never its message (engine and driver messages may quote the input).
 *
 * @example
 *   describeFailure('NER_FAILED', new NerError('NER_QUEUE_FULL', '...'))   // 'NerError (NER_QUEUE_FULL)'
 */
import { isOncoError } from '../errors/index.js';
import type { RecordErrorCode } from './job.types.js';

export class StageError extends Error {
  constructor(readonly stage: RecordErrorCode, override readonly cause: unknown) {
    super(`${stage}: ${describeFailure(cause)}`);
    this.name = 'StageError';
  }
}

export function describeFailure(cause: unknown): string {
  if (!(cause instanceof Error)) return typeof cause;
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' && /^[\w.]{1,120}$/.test(code) ? `${cause.name} (${code})` : cause.name;
}

/** Runs one stage and tags its failure with the stage's code. */
export async function stage<T>(code: RecordErrorCode, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new StageError(code, err);
  }
}

/** Neo4j away (retry when it answers), as opposed to writes refused by a shutdown or any other failure. */
export function isUnavailable(err: unknown, available: boolean): boolean {
  if (isOncoError(err, 'SERVICE_UNAVAILABLE')) return err.details['reason'] !== 'shutting down';
  return !available;
}

/** A promise resolved from outside: how a runner's stop wakes the records paused while Neo4j is away. */
export function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
