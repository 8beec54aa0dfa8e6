/**
 * GraphQL inputs of `cohort(criteria)`. They only carry values: the rules (exactly one field per node, at least one
 * of type/text/concept, minDays <= maxDays, depth and size limits, defaults) are checked in one place,
 * `parseCriteria` (src/cohort), which also serves the CLI's JSON files.
 *
 * @example
 *   { all: [ { sequence: { first: { concept: "C50" }, then: { type: SURGERY }, maxDays: 30 } },
 *            { not: { event: { concept: "C50", subject: FAMILY } } } ] }
 */
import { Field, InputType, Int } from 'type-graphql';
import type { Assertion, EntityType, Subject } from '../../domain/index.js';
import { CalendarDateScalar } from '../shared/calendar-date.scalar.js';
import { AssertionEnum, EntityTypeEnum, SubjectEnum } from '../shared/enums.js';

@InputType('EventCriterion', {
  description: 'A patient matches when ONE of their mentions matches every field given (at least one of type, text, concept).',
})
export class EventCriterionInput {
  @Field(() => EntityTypeEnum, { nullable: true })
  type?: EntityType | null;

  @Field(() => String, { nullable: true, description: 'The mention text contains this (both NFKC-normalised and lower-cased).' })
  text?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A concept id (ICD10:C50), code (C50 or c50, in any system) or standard name (乳房恶性肿瘤): mentions coded as ' +
      'it or any concept below it through IS_A match (C50 matches C50.9 and C50.902). Not a string prefix: C5 names nothing.',
  })
  concept?: string | null;

  @Field(() => [AssertionEnum], { nullable: true, defaultValue: ['PRESENT'], description: 'Accepted assertions; default [PRESENT].' })
  assertion?: Assertion[] | null;

  @Field(() => SubjectEnum, { nullable: true, defaultValue: 'PATIENT', description: 'Whose fact; default PATIENT.' })
  subject?: Subject | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: "The mention's resolved interval (an undated mention: its record's date) overlaps [from, to], both inclusive.",
  })
  from?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'See `from`; either may be left open.' })
  to?: string | null;
}

@InputType('SequenceCriterion', {
  description:
    '`then` starts between minDays and maxDays days (inclusive) after `first` starts, for two different mentions of ' +
    'the patient. Judged on resolved intervals: by default the window CAN hold (some day of each interval fits it); ' +
    'with certain: true it must hold for every pair of days. Undated mentions sit at their record date.',
})
export class SequenceCriterionInput {
  @Field(() => EventCriterionInput)
  first!: EventCriterionInput;

  @Field(() => EventCriterionInput)
  then!: EventCriterionInput;

  @Field(() => Int, { nullable: true, description: 'Default 0: `then` never starts before `first`. Negative: up to that many days before.' })
  minDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'null: no upper bound.' })
  maxDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'false: the window can hold for some day of each interval; true: it holds for every day of both.',
  })
  certain?: boolean | null;
}

@InputType('CohortCriteria', { description: 'Exactly one field set (else BAD_USER_INPUT). Nesting depth and size are bounded (COHORT_TOO_COMPLEX).' })
export class CohortCriteriaInput {
  @Field(() => EventCriterionInput, { nullable: true })
  event?: EventCriterionInput | null;

  @Field(() => SequenceCriterionInput, { nullable: true })
  sequence?: SequenceCriterionInput | null;

  @Field(() => [CohortCriteriaInput], { nullable: true, description: 'Every member holds.' })
  all?: CohortCriteriaInput[] | null;

  @Field(() => [CohortCriteriaInput], { nullable: true, description: 'At least one member holds.' })
  any?: CohortCriteriaInput[] | null;

  @Field(() => CohortCriteriaInput, { nullable: true, description: 'The member does not hold (patients without it).' })
  not?: CohortCriteriaInput | null;
}
