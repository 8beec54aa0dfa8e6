/** Public surface of the NER engine (its contract; src/ner/README.md explains it). Other modules import only this file. */
export { createNerEngine } from './engine.js';
export type { ExtractOptions, NerEngine, NerEngineOptions, NerHeadInfo, NerModelInfo } from './engine.js';
export { NerError, isNerError } from './errors.js';
export type { NerErrorCode } from './errors.js';
export { loadModelFolder } from './model-folder.js';
export type { ModelFolder, ModelHead } from './model-folder.js';
export { addTherapyTerms, THERAPY_TERMS_RULE, withTherapyTerms } from './rules/with-therapy-terms.js';
export { readCcksRecords, type CcksRecord } from './evaluation/ccks-reader.js';
export { evaluateRecords, type EvaluationResult } from './evaluation/evaluate.js';
