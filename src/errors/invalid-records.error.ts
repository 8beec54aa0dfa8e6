/** Kept for imports not yet moved to errors/index.ts (known exceptions in .dependency-cruiser.cjs); delete with them. */
export { InvalidRecordsError, type RecordProblem, type RecordProblemCode } from './errors.js';
