/**
 * Bounds on what one cohort query may ask, so no request can make Neo4j do unbounded work: the shape of the criteria
 * tree (checked before anything is compiled), the page size, and the time the query may run before the server
 * cancels it.
 */
export interface CohortLimits {
  /** Nesting of all/any/not; the root is depth 1 (`{ all: [{ not: { event } }] }` has depth 3). */
  maxDepth: number;
  /** Criteria nodes, counting each event criterion (a sequence is 3: itself and its two events). */
  maxNodes: number;
  /** Longest `text` or `concept`, in characters. */
  maxTextLength: number;
  /** Largest `first` of `cohort` and `patients`. */
  maxPageSize: number;
  /** Most ids in the `patientIds` scope of one query. */
  maxPatientIds: number;
  /** Neo4j transaction timeout of one cohort statement. */
  timeoutMs: number;
}

export const DEFAULT_COHORT_LIMITS: Readonly<CohortLimits> = Object.freeze({
  maxDepth: 6,
  maxNodes: 40,
  maxTextLength: 100,
  maxPageSize: 500,
  maxPatientIds: 10_000,
  timeoutMs: 10_000,
});

/** |minDays| and |maxDays| at most ~100 years: anything larger is a mistake, not a window. */
export const MAX_WINDOW_DAYS = 36_600;
