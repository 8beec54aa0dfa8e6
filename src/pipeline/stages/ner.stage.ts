/**
 * `ner`: the neural model's entities (all served heads, merged), UTF-16 offsets.
 *
 * @example
 *   nerStage(engine)   // doc.entities = await engine.extract(doc.text)
 */
import type { EntityMention } from '../../domain/index.js';
import type { PipelineStage } from '../stage.js';

/** What the stage needs from an NER engine (a NerEngine, or a test's dictionary tagger). */
export interface EntityExtractor {
  extract(text: string): Promise<EntityMention[]>;
  readonly model: { readonly name: string; readonly version: string };
}

export function nerStage(ner: EntityExtractor): PipelineStage {
  return {
    name: 'ner',
    version: `${ner.model.name}@${ner.model.version}`,
    requires: [],
    provides: ['entities'],
    async run(doc) {
      doc.entities = await ner.extract(doc.text);
    },
  };
}
