/** Public surface of the NER engine (CONTRACTS.md § NER engine). Nothing outside `src/ner` imports its internals. */
export { createNerEngine } from './engine.js';
export type { NerEngine, NerEngineOptions, NerModelInfo } from './engine.js';
export { NerError, isNerError } from './errors.js';
export type { NerErrorCode } from './errors.js';
export { loadModelFolder } from './model-folder.js';
export type { ModelFolder } from './model-folder.js';
