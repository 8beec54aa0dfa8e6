/**
 * The platform's record pipeline, in order: ner → rules → assertion → normalise → time. Jobs, `extract` (API and CLI),
 * `ingest` and `reprocess` all build it here, so they give identical entities for the same text.
 *
 * @example
 *   const pipeline = createRecordPipeline({ ner: engine, concepts: await loadConceptIndex() });
 *   pipeline.stages.map((s) => s.name)   // ['ner', 'rules', 'assertion', 'normalise', 'time']
 *   pipeline.model                        // { name: 'ccks-union-hybrid', version: '1.0.0' }
 */
import { ASSERTION_RULES_VERSION, detectAssertions } from '../assertion/index.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import type { PipelineStage } from './stage.js';
import { assertionStage } from './stages/assertion.stage.js';
import { nerStage, type EntityExtractor } from './stages/ner.stage.js';
import { normaliseStage, type MentionNormaliser } from './stages/normalise.stage.js';
import { therapyRulesStage } from './stages/therapy-rules.stage.js';
import { timeStage } from './stages/time.stage.js';

export interface RecordPipelineDeps {
  ner: EntityExtractor;
  /** The concept index (src/normalise `loadConceptIndex`); null leaves every concept null (tests of other stages). */
  concepts: MentionNormaliser | null;
}

/** A pipeline that also says which NER model it runs (stored with every extraction). */
export interface RecordPipeline extends Pipeline {
  readonly model: { readonly name: string; readonly version: string };
}

/** The platform's stages in order (the bench times them one by one). */
export function recordStages(deps: RecordPipelineDeps): PipelineStage[] {
  return [
    nerStage(deps.ner),
    therapyRulesStage(),
    assertionStage(detectAssertions, ASSERTION_RULES_VERSION),
    ...(deps.concepts ? [normaliseStage(deps.concepts)] : []),
    timeStage(),
  ];
}

export function createRecordPipeline(deps: RecordPipelineDeps): RecordPipeline {
  const pipeline = createPipeline(recordStages(deps));
  return { ...pipeline, run: pipeline.run, model: { name: deps.ner.model.name, version: deps.ner.model.version } };
}
