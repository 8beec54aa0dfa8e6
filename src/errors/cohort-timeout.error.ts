import { OncoError } from './onco-error.js';

/** A cohort query ran past its time budget; Neo4j terminated its transaction, so nothing is left running. */
export class CohortTimeoutError extends OncoError<'COHORT_TIMEOUT'> {
  readonly code = 'COHORT_TIMEOUT' as const;
  constructor(timeoutMs: number, cause: unknown) {
    super(`cohort query cancelled after its time budget of ${timeoutMs} ms; narrow the criteria`, { timeoutMs }, { cause });
  }
}
