/** Assertion module: is a mention present, absent or possible, and is it the patient's (pure functions, no I/O). */
export { detectAssertions, type AssertionInput, type AssertionResult } from './detect-assertions.js';
export { ASSERTION_RULES_VERSION } from './rules-version.js';
export * as assertionEvaluation from './evaluate/index.js';
