/**
 * `rules`: therapy modalities no training set annotates (化疗, 放疗, 靶向治疗…; src/ner/rules/therapy-terms.ts) added as
 * TREATMENT entities where they touch no model entity (the model always wins).
 *
 * @example
 *   // doc.entities from ner: [奥沙利铂 DRUG]; text '术后予奥沙利铂化疗' → adds 化疗 TREATMENT (confidence 1)
 */
import { addTherapyTerms, THERAPY_TERMS_RULE } from '../../ner/index.js';
import type { PipelineStage } from '../stage.js';

export function therapyRulesStage(): PipelineStage {
  return {
    name: 'rules',
    version: THERAPY_TERMS_RULE,
    requires: ['entities'],
    provides: ['entities'],
    run(doc) {
      doc.entities = addTherapyTerms(doc.text, doc.entities ?? []);
    },
  };
}
