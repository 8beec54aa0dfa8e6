/**
 * The platform's record pipeline around a test extractor (default: the dictionary tagger), with the shipped concept
 * index, loaded once per test process: job and graph tests then write assertion, subject and concepts as the platform does.
 */
import { loadConceptIndex } from '../../src/normalise/index.js';
import { createRecordPipeline, type EntityExtractor, type RecordPipeline } from '../../src/pipeline/index.js';
import { dictionaryNer } from './dictionary-ner.js';

const concepts = await loadConceptIndex();

export function testPipeline(ner: EntityExtractor = dictionaryNer()): RecordPipeline {
  return createRecordPipeline({ ner, concepts });
}
