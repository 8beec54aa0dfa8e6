/** Scoring assertion and subject against gold lines (`oncotimeline evaluate-assertion`); exported as `assertionEvaluation`. */
export { parseGoldLine, type GoldMention, type GoldRecord } from './gold-line.js';
export { addMention, emptyAssertionCounts, scoreAssertions, type AssertionCounts, type AssertionScores } from './score-assertion.js';
