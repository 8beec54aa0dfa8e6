/**
 * Cohort criteria: the input shape (GraphQL `CohortCriteria`, or the JSON file of `oncotimeline cohort`) and the
 * validated tree the compiler works on (`parseCriteria` turns one into the other).
 *
 * @example
 *   // input: breast-cancer patients operated within 30 days of the diagnosis, with no family history recorded
 *   { all: [
 *       { sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY', text: '根治术' }, maxDays: 30 } },
 *       { not: { event: { concept: 'C50', subject: 'FAMILY' } } } ] }
 */
import type { Assertion, EntityType, Subject } from '../domain/index.js';

/** One node of the input tree; exactly one field is set. */
export interface CohortCriteriaInput {
  event?: EventCriterionInput | null;
  sequence?: SequenceCriterionInput | null;
  all?: readonly CohortCriteriaInput[] | null;
  any?: readonly CohortCriteriaInput[] | null;
  not?: CohortCriteriaInput | null;
}

export interface EventCriterionInput {
  type?: EntityType | null;
  text?: string | null;
  concept?: string | null;
  assertion?: readonly Assertion[] | null;
  subject?: Subject | null;
  from?: string | null;
  to?: string | null;
}

export interface SequenceCriterionInput {
  first: EventCriterionInput;
  then: EventCriterionInput;
  minDays?: number | null;
  maxDays?: number | null;
  certain?: boolean | null;
}

/** A validated event criterion: defaults applied, text normalised like `Mention.textLower`. */
export interface EventFilter {
  type: EntityType | null;
  /** NFKC, lower-cased; matched with CONTAINS against `Mention.textLower`. */
  text: string | null;
  /** A concept code (`C50`) or standard name (`乳腺恶性肿瘤`); descendants match too. */
  concept: string | null;
  /** Non-empty, distinct; default ['PRESENT']. */
  assertion: readonly Assertion[];
  /** Default 'PATIENT'. */
  subject: Subject;
  /** Inclusive `YYYY-MM-DD` bounds; the mention's interval must overlap [from, to]. */
  from: string | null;
  to: string | null;
}

export type CohortNode =
  | { kind: 'event'; event: EventFilter }
  | {
      kind: 'sequence';
      first: EventFilter;
      then: EventFilter;
      /** Default 0: `then` never starts before `first`. */
      minDays: number;
      /** null: no upper bound. */
      maxDays: number | null;
      /** false: the window CAN hold for the two intervals; true: it holds for every pair of days in them. */
      certain: boolean;
    }
  | { kind: 'all'; members: readonly CohortNode[] }
  | { kind: 'any'; members: readonly CohortNode[] }
  | { kind: 'not'; member: CohortNode };
