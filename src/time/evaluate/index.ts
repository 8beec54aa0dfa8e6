/** Scoring against the time guideline's gold files (`oncotimeline evaluate-time`); exported as `timeEvaluation`. */
export { parseGoldLine, type GoldRecord } from './gold-record.js';
export { parseMarkedFile, parseMarkedLine } from './marked-record.js';
export { addEndToEnd, emptyEndToEnd, type EndToEndCounts } from './score-end-to-end.js';
export { addRecord, emptyCounts, prf, type TimeCounts } from './score-time.js';
