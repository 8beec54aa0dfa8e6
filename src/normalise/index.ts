/** Public surface of concept normalisation (ICD-10 diagnoses, ICD-9-CM-3 procedures, generic drug names). */
export { loadConceptIndex, type ConceptIndex } from './concept-index.js';
export { defaultConceptsDir } from './concepts-dir.js';
export { NormaliseError, isNormaliseError, type NormaliseErrorCode } from './errors.js';
export { parseChipCdn, readChipCdnFile, type ChipCdnPair } from './chip-cdn-file.js';
export { scoreNameSets, type NameScores } from './score-names.js';
