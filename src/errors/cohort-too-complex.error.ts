import { OncoError } from './onco-error.js';

/** Cohort criteria nested deeper, or with more nodes, than the limits allow (src/cohort/cohort.limits.ts). */
export class CohortTooComplexError extends OncoError<'COHORT_TOO_COMPLEX'> {
  readonly code = 'COHORT_TOO_COMPLEX' as const;
  constructor(what: 'depth' | 'nodes', limit: number, got: number) {
    const noun = what === 'depth' ? 'criteria nesting depth' : 'criteria nodes';
    super(`${noun}: expected at most ${limit}, got ${got}${what === 'depth' ? ' or more' : ''}`, { limit, got, what });
  }
}
