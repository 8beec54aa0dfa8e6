/**
 * Adds the therapy-modality rule (`therapy-terms.ts`) to an extractor's served output: each rule span becomes a
 * `治疗`/TREATMENT entity with confidence 1, only where it shares no character with any model entity (the model
 * always wins; its output may be nested, so every model entity counts). `model.rules` says the rule is on.
 * A head's own output (`{ head }`, evaluation) is the model's alone and passes through unchanged.
 * Wrap the extractor the platform serves; evaluation and the bench measure the bare model.
 *
 * @example
 *   const ner = withTherapyTerms(await createNerEngine());   // ner.model.rules → ['therapy-terms']
 *   await ner.extract('术后行辅助化疗')   // → [..., { start: 3, end: 7, text: '辅助化疗', label: '治疗', type: 'TREATMENT', confidence: 1 }]
 */
import type { EntityMention } from '../../domain/index.js';
import type { ExtractOptions } from '../engine.js';
import { findTherapyTerms } from './therapy-terms.js';

export const THERAPY_TERMS_RULE = 'therapy-terms';

/** What the decorator needs: an `extract` and a `model` (optionally `extractMany`), e.g. a NerEngine or a stub. */
export interface RuleTarget {
  readonly model: { readonly name: string; readonly version: string; readonly rules?: readonly string[] };
  extract(text: string, options?: ExtractOptions): Promise<EntityMention[]>;
  extractMany?(texts: readonly string[], options?: ExtractOptions): Promise<EntityMention[][]>;
}

type ExtractMany = (texts: readonly string[], options?: ExtractOptions) => Promise<EntityMention[][]>;

export type WithTherapyTerms<T extends RuleTarget> = {
  readonly model: Omit<T['model'], 'rules'> & { rules: string[] };
  extract(text: string, options?: ExtractOptions): Promise<EntityMention[]>;
} & (T extends { extractMany: ExtractMany } ? { extractMany: ExtractMany } : unknown);

export function withTherapyTerms<T extends RuleTarget>(engine: T): WithTherapyTerms<T> {
  const model = { ...engine.model, rules: [...(engine.model.rules ?? []), THERAPY_TERMS_RULE] };
  const wrapped: Record<string, unknown> = {
    model,
    async extract(text: string, options?: ExtractOptions): Promise<EntityMention[]> {
      const entities = await engine.extract(text, options);
      return options?.head !== undefined ? entities : addTherapyTerms(text, entities);
    },
  };
  const many = engine.extractMany;
  if (typeof many === 'function') {
    wrapped['extractMany'] = async (texts: readonly string[], options?: ExtractOptions): Promise<EntityMention[][]> => {
      const results = await many.call(engine, texts, options);
      return options?.head !== undefined ? results : results.map((entities, i) => addTherapyTerms(texts[i] as string, entities));
    };
  }
  return wrapped as WithTherapyTerms<T>;
}

/**
 * The model's entities (the same objects) plus the rule spans that touch none of them, sorted by start, then end.
 * Rule spans are sorted and disjoint, so one sweep over the model spans by start, keeping the furthest end of those
 * starting before the rule span's end, finds whether any reaches into it: O(n log n) for 1 MB records.
 */
export function addTherapyTerms(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const terms = findTherapyTerms(text);
  const byStart = [...entities].sort((a, b) => a.start - b.start);
  const added: EntityMention[] = [];
  let j = 0;
  let furthestEnd = -1;
  for (const t of terms) {
    while (j < byStart.length && (byStart[j] as EntityMention).start < t.end) {
      furthestEnd = Math.max(furthestEnd, (byStart[j] as EntityMention).end);
      j++;
    }
    if (furthestEnd > t.start) continue; // a model entity shares a character with it
    added.push({ start: t.start, end: t.end, text: t.text, label: '治疗', type: 'TREATMENT', confidence: 1 });
  }
  return [...entities, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
