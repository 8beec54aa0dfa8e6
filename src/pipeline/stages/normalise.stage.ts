/**
 * `normalise`: the standard concept each mention denotes (ICD-10 for diagnoses, ICD-9-CM-3 for procedures, generic
 * names for drugs; src/normalise). Types without a vocabulary get null.
 *
 * @example
 *   // 左乳腺癌 DISEASE → { system: 'ICD10', code: 'C50.9', name: '乳腺恶性肿瘤', ancestors: [C50, C00-D48], ... }
 */
import type { ConceptRef, EntityType } from '../../domain/index.js';
import type { PipelineStage } from '../stage.js';

export interface MentionNormaliser {
  readonly version: string;
  normalise(type: EntityType, text: string): ConceptRef | null;
}

export function normaliseStage(index: MentionNormaliser): PipelineStage {
  return {
    name: 'normalise',
    version: index.version,
    requires: ['entities'],
    provides: ['concepts'],
    run(doc) {
      // Mentions repeat within a record (乳腺癌 five times): normalise each distinct (type, text) once.
      const seen = new Map<string, ConceptRef | null>();
      doc.concepts = (doc.entities ?? []).map((e) => {
        const key = `${e.type}\u0000${e.text}`;
        let concept = seen.get(key);
        if (concept === undefined) {
          concept = index.normalise(e.type, e.text);
          seen.set(key, concept);
        }
        return concept;
      });
    },
  };
}
