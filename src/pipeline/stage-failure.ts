/**
 * A stage that threw: carries the stage's name and the original error (whose message may quote the input and is never
 * logged or returned; callers report the stage and the error's class and code only).
 */
export class StageFailure extends Error {
  constructor(readonly stage: string, override readonly cause: unknown) {
    super(`pipeline stage '${stage}' failed: ${cause instanceof Error ? cause.name : typeof cause}`);
    this.name = 'StageFailure';
  }
}

export function isStageFailure(error: unknown): error is StageFailure {
  return error instanceof StageFailure;
}
