/**
 * Builds the platform's record pipeline around an NER engine, loading the shipped concept index (models/concepts, or
 * `CONCEPTS_DIR`): the one place the server, `extract`, `ingest` and `reprocess` get their pipeline from.
 *
 * @example
 *   const pipeline = await openRecordPipeline(engine);   // stages: ner, rules, assertion, normalise, time
 */
import { loadConceptIndex } from '../normalise/index.js';
import { createRecordPipeline, type RecordPipeline } from './record-pipeline.js';
import type { EntityExtractor } from './stages/ner.stage.js';
import type { MentionNormaliser } from './stages/normalise.stage.js';

/** The shipped concept index (models/concepts or `CONCEPTS_DIR`). */
export function openConceptIndex(conceptsDir?: string): Promise<MentionNormaliser> {
  return loadConceptIndex(conceptsDir);
}

export async function openRecordPipeline(ner: EntityExtractor, options: { conceptsDir?: string } = {}): Promise<RecordPipeline> {
  const concepts = await openConceptIndex(options.conceptsDir);
  return createRecordPipeline({ ner, concepts });
}
