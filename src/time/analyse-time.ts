import type { EntityMention, TimeLink, Timex } from '../domain/index.js';
import { linkEntities } from './link/link-entities.js';
import { recogniseTimexes } from './recognise/recognise-timexes.js';

/** Input of `analyseTime`: the record text, its reference date and its entities (UTF-16 offsets). */
export interface AnalyseTimeInput {
  text: string;
  /** The record's reference date `YYYY-MM-DD`; used for `今年N月`. When absent, the latest year written in the text. */
  recordedAt?: string;
  entities: readonly EntityMention[];
}

/** TIMEX in text order (`T1`…) and one link per event entity. */
export interface AnalyseTimeResult {
  timexes: Timex[];
  links: TimeLink[];
}

/**
 * Finds the TIMEX of a record and links its event entities to them.
 * `analyseTime({ text: '2018-03-12行左乳癌改良根治术，术后2年复查', recordedAt: '2020-05-01', entities })` →
 * timexes `2018-03-12` (DATE) and `术后2年` (EVENT_RELATIVE, anchor 术, P2Y); the surgery links to T1.
 */
export function analyseTime(input: AnalyseTimeInput): AnalyseTimeResult {
  const timexes = recogniseTimexes(input.text, input.entities, input.recordedAt);
  return { timexes, links: linkEntities(input.text, timexes, input.entities) };
}
