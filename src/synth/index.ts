/** Public surface of the synthetic-data module: generate patients, write them (or hand-built ones) to the graph. */
export { generatePatients, type SynthOptions } from './generate-patients.js';
export { buildSyntheticGraph, type BuildOptions, type BuildSummary } from './build-graph.js';
export { storedSize, writeConcepts, writePatients, SYNTH_MODEL, SYNTH_PIPELINE, type BulkWriteOptions, type BulkWriteSummary } from './bulk-writer.js';
export { SYNTH_CONCEPTS, conceptId } from './vocabulary.js';
export { RecordText, type MentionOptions } from './record-text.js';
export type { SynthConcept, SynthMention, SynthPatient, SynthRecord } from './synth.types.js';
