/**
 * `assertion`: whether the record asserts, denies or doubts each entity, and whose fact it is (src/assertion).
 *
 * @example
 *   // '患者无发热，母亲患卵巢癌' → 发热 { assertion: 'ABSENT', subject: 'PATIENT', cue: '无' },
 *   //                            卵巢癌 { assertion: 'PRESENT', subject: 'FAMILY', cue: '母亲' }
 */
import type { EntityType } from '../../domain/index.js';
import type { MentionMeaning } from '../record-document.js';
import type { PipelineStage } from '../stage.js';

export type AssertionDetector = (text: string, mentions: readonly { start: number; end: number; type: EntityType }[]) => MentionMeaning[];

export function assertionStage(detect: AssertionDetector, version: string): PipelineStage {
  return {
    name: 'assertion',
    version,
    requires: ['entities'],
    provides: ['assertions'],
    run(doc) {
      const entities = doc.entities ?? [];
      const meanings = detect(doc.text, entities);
      if (meanings.length !== entities.length) {
        throw new TypeError(`assertion: expected ${entities.length} results, got ${meanings.length}`);
      }
      doc.assertions = meanings;
    },
  };
}
