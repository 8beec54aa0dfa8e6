/**
 * A preview of one text: the record pipeline's result laid out for reading, nothing stored. Event times follow the
 * timeline's rule: the linked TIMEX's interval, else the reference date as a DAY interval with `undated: true` (a link to
 * a TIMEX that cannot be resolved also leaves the event undated). Non-event types (ANATOMY) get no time. Every mention
 * is shown, denied and relatives' ones included, with its assertion.
 *
 * @example
 *   await previewExtraction(pipeline, '患者无发热。2018-03-12行左乳癌改良根治术', '2018-03-20')
 *   // entities: [{ text: '发热', type: 'SYMPTOM', assertion: 'ABSENT', cue: '无', ... },
 *   //            { text: '左乳癌改良根治术', type: 'SURGERY', assertion: 'PRESENT', timexId: 'T1', time: { start: '2018-03-12', ... } }]
 */
import { conceptKey, EVENT_TYPES, type ResolvedInterval } from '../../domain/index.js';
import type { RecordPipeline } from '../record-pipeline.js';
import type { ExtractionPreview } from './preview.types.js';

export async function previewExtraction(pipeline: RecordPipeline, text: string, recordedAt: string): Promise<ExtractionPreview> {
  const { entities, timexes, links, resolutions: resolved, document } = await pipeline.run({ text, recordedAt });
  const resolutions = new Map(resolved.map((r) => [r.timexId, r]));
  const linkOf = new Map(links.map((l) => [`${l.entityStart}:${l.entityEnd}`, l.timexId]));
  const reference: ResolvedInterval = { start: recordedAt, end: recordedAt, precision: 'DAY', approx: false };
  return {
    model: { name: pipeline.model.name, version: pipeline.model.version },
    stages: pipeline.stages.map((s) => ({ name: s.name, version: s.version })),
    timexes: timexes.map((t) => {
      const r = resolutions.get(t.id);
      return {
        id: t.id, recordId: null, localId: t.id, text: t.text, start: t.start, end: t.end, kind: t.kind, value: t.value,
        anchor: t.anchor ?? null, approx: t.approx, interval: r?.interval ?? null,
        unresolvedReason: r?.interval ? null : r?.unresolvedReason ?? null, anchorSource: r?.anchorSource ?? null,
      };
    }),
    entities: entities.map((e, i) => {
      const isEvent = EVENT_TYPES.has(e.type);
      const timexId = isEvent ? linkOf.get(`${e.start}:${e.end}`) ?? null : null;
      const interval = timexId === null ? null : resolutions.get(timexId)?.interval ?? null;
      return {
        type: e.type, label: e.label, text: e.text, start: e.start, end: e.end, confidence: e.confidence, timexId,
        time: isEvent ? { ...(interval ?? reference), undated: interval === null } : null,
        undated: isEvent && interval === null,
        assertion: e.assertion,
        subject: e.subject,
        cue: document.assertions?.[i]?.cue ?? null,
        concept: e.concept === null ? null : {
          id: conceptKey(e.concept), system: e.concept.system, code: e.concept.code, name: e.concept.name,
          ancestors: e.concept.ancestors.map((a) => ({ system: a.system, code: a.code, name: a.name })),
        },
      };
    }),
  };
}
