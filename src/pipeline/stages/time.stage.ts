/**
 * `time`: time expressions, the entity → expression links, and their calendar intervals, resolved against the record
 * date and the patient's earlier events (`doc.priorEvents`, read by the job before the run).
 *
 * @example
 *   // '2018-03-12行左乳癌改良根治术' recordedAt 2018-03-20 → timexes [T1 2018-03-12], links [surgery → T1],
 *   // resolutions [T1 → 2018-03-12..2018-03-12 DAY]
 */
import { analyseTime, resolveTimeline } from '../../time/index.js';
import type { PipelineStage } from '../stage.js';

/** Recorded with each extraction: bump when the time rules change what they find or resolve. */
export const TIME_STAGE_VERSION = 'time-rules@2';

export function timeStage(): PipelineStage {
  return {
    name: 'time',
    version: TIME_STAGE_VERSION,
    requires: ['entities'],
    provides: ['time'],
    run(doc) {
      const entities = doc.entities ?? [];
      const { timexes, links } = analyseTime({ text: doc.text, recordedAt: doc.recordedAt, entities });
      const resolutions = resolveTimeline({
        recordedAt: doc.recordedAt, timexes, links, entities, ...(doc.priorEvents ? { priorEvents: doc.priorEvents } : {}),
      });
      doc.time = { timexes, links, resolutions };
    },
  };
}
