/** Public surface of the cohort module: criteria → one Cypher statement → patients (and their matching events). */
export { CohortRunner, type CohortEvent, type CohortFindArgs, type CohortPage, type CohortPageArgs, type PatientIdPage } from './cohort.runner.js';
export { parseCriteria, parsePatientScope } from './parse-criteria.js';
export { compileCohort, compileEvents, compilePatients, type CompiledStatement, type PageRequest } from './compile-criteria.js';
export { DEFAULT_COHORT_LIMITS, type CohortLimits } from './cohort.limits.js';
export type { CohortCriteriaInput, CohortNode, EventCriterionInput, EventFilter, SequenceCriterionInput } from './criteria.types.js';
