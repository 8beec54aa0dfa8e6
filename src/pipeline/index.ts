/** Public surface of the record pipeline: one ordered list of named stages, run by jobs, `extract` and `ingest`. */
export { createPipeline, describePipeline, type Pipeline, type PipelineResult, type StageInfo } from './pipeline.js';
export { createRecordPipeline, recordStages, type RecordPipeline, type RecordPipelineDeps } from './record-pipeline.js';
export type { Layer, MentionMeaning, RecordDocument, RecordInput, TimeLayer } from './record-document.js';
export type { PipelineStage } from './stage.js';
export { StageFailure, isStageFailure } from './stage-failure.js';
export { nerStage, type EntityExtractor } from './stages/ner.stage.js';
export { therapyRulesStage } from './stages/therapy-rules.stage.js';
export { assertionStage, type AssertionDetector } from './stages/assertion.stage.js';
export { normaliseStage, type MentionNormaliser } from './stages/normalise.stage.js';
export { timeStage, TIME_STAGE_VERSION } from './stages/time.stage.js';
export { openConceptIndex, openRecordPipeline } from './open-record-pipeline.js';
export { previewExtraction } from './preview/preview-extraction.js';
export type { ExtractionPreview, PreviewConcept, PreviewEntity, PreviewInterval, PreviewTimex } from './preview/preview.types.js';
