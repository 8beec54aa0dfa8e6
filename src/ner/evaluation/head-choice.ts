import type { NerHeadInfo } from '../engine.js';
import { unknownHeadError } from '../errors.js';
import { identifyDataset } from './datasets.js';

/**
 * Which output of the model to score a gold file against. A multi-head model's merged output drops a later head's
 * entities where an earlier head found something, so a data set one head was trained on is scored on that head's own
 * output: the head named like the known data set the gold labels identify (`datasets.ts`).
 *
 * - `requested` (`--head`): that head; an unknown name throws `NER_UNKNOWN_HEAD`.
 * - one head: that head (its own output is the served output).
 * - several: the head named after the identified data set; none identified or no such head → the merged output.
 *
 * @example chooseHead([{ name: 'ccks2019', ... }, { name: 'ccks2017', ... }], ['症状和体征']) → { head: 'ccks2017', reason: 'data set' }
 */
export interface HeadChoice {
  /** The head scored, or null for the served (merged) output. */
  head: string | null;
  reason: 'requested' | 'only head' | 'data set' | 'merged';
}

export function chooseHead(heads: readonly Pick<NerHeadInfo, 'name'>[], goldLabels: Iterable<string>, requested?: string): HeadChoice {
  const names = heads.map((h) => h.name);
  if (requested !== undefined) {
    if (!names.includes(requested)) throw unknownHeadError(requested, names);
    return { head: requested, reason: 'requested' };
  }
  if (heads.length === 1) return { head: names[0] as string, reason: 'only head' };
  const dataset = identifyDataset(goldLabels);
  return dataset !== null && names.includes(dataset) ? { head: dataset, reason: 'data set' } : { head: null, reason: 'merged' };
}
