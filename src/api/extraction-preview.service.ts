/**
 * `extract` preview: NER + time analysis of one text, nothing stored. Event times follow the timeline's rule:
 * the linked TIMEX's interval, else the reference date as a DAY interval with `undated: true`
 * (a link to a TIMEX that cannot be resolved also leaves the event undated). Non-event types (ANATOMY) get no time.
 *
 * @example
 *   await preview.preview('2018-03-12行左乳癌改良根治术', '2018-03-20')
 *   // entities: [{ text: '左乳癌改良根治术', type: 'SURGERY', timexId: 'T1', time: { start: '2018-03-12', ... }, undated: false }]
 */
import { EVENT_TYPES, type EntityMention } from '../domain/entity.js';
import type { ResolvedInterval } from '../domain/time.js';
import { analyseTime, resolveTimeline } from '../time/index.js';
import type { ExtractionPreviewNode } from './extraction.type.js';
import type { PreviewPort } from './services.js';

export interface EntityExtractor {
  extract(text: string): Promise<EntityMention[]>;
  readonly model: { name: string; version: string };
}

export function createPreviewService(ner: EntityExtractor): PreviewPort {
  return {
    async preview(text: string, recordedAt: string): Promise<ExtractionPreviewNode> {
      const entities = await ner.extract(text);
      const { timexes, links } = analyseTime({ text, recordedAt, entities });
      const resolutions = new Map(resolveTimeline({ recordedAt, timexes, links, entities }).map((r) => [r.timexId, r]));
      const linkOf = new Map(links.map((l) => [`${l.entityStart}:${l.entityEnd}`, l.timexId]));
      const reference: ResolvedInterval = { start: recordedAt, end: recordedAt, precision: 'DAY', approx: false };
      return {
        model: { name: ner.model.name, version: ner.model.version },
        timexes: timexes.map((t) => {
          const r = resolutions.get(t.id);
          return {
            id: t.id, recordId: null, localId: t.id, text: t.text, start: t.start, end: t.end, kind: t.kind, value: t.value, anchor: t.anchor ?? null,
            approx: t.approx, interval: r?.interval ?? null, unresolvedReason: r?.interval ? null : r?.unresolvedReason ?? null,
            anchorSource: r?.anchorSource ?? null,
          };
        }),
        entities: entities.map((e) => {
          const isEvent = EVENT_TYPES.has(e.type);
          const timexId = isEvent ? linkOf.get(`${e.start}:${e.end}`) ?? null : null;
          const interval = timexId === null ? null : resolutions.get(timexId)?.interval ?? null;
          return {
            type: e.type, label: e.label, text: e.text, start: e.start, end: e.end, confidence: e.confidence, timexId,
            time: isEvent ? { ...(interval ?? reference), undated: interval === null } : null,
            undated: isEvent && interval === null,
          };
        }),
      };
    },
  };
}
