/**
 * Reads of the patient-timeline graph for the API. Every method is ONE Cypher round trip, and the `...ByIds` methods
 * take many keys and answer in key order, so a DataLoader per request turns N field resolutions into one query.
 *
 * @example
 *   const reads = new ReadRepository(driver);
 *   await reads.entitiesByRecordIds(['r1', 'r2'])   // [[EntityView, ...], [...]]  (driver.roundTrips + 1)
 *   await reads.timeline({ patientId: 'p1', from: '2018-01-01' })   // TimelineEvent[] by time
 */
import neo4j from 'neo4j-driver';
import { EVENT_TYPES, type ConceptCode, type ConceptSystem, type EntityType, type RecordKind } from '../domain/index.js';
import { BadUserInputError } from '../errors/index.js';
import { normaliseSearchText } from './term-id.js';
import type { GraphDriver } from './driver.js';
import { decodeEntityCursor, encodeEntityCursor } from './entity-cursor.js';
import type {
  ConceptView, EntitySearchArgs, EntityView, Page, PatientView, RecordView, TermView, TimelineEvent, TimelineQuery,
  TimexView,
} from './graph.types.js';
import { ENTITY_FIELDS, entityPropsOf, groupInto, pickInto, toEntityView, toRecordView, toTimexView } from './read.mappers.js';

type Props = Record<string, unknown>;

/** A timeline shows what the record asserts or suspects about the patient: denied findings and relatives' are left out. */
export const DEFAULT_TIMELINE_ASSERTIONS = ['PRESENT', 'POSSIBLE'] as const;
export const DEFAULT_TIMELINE_SUBJECTS = ['PATIENT'] as const;

export class ReadRepository {
  constructor(private readonly driver: GraphDriver) {}

  async patientsByIds(ids: readonly string[]): Promise<(PatientView | null)[]> {
    const rows = await this.driver.read('patients-by-ids', { ids: [...ids] });
    const views = rows.map((r): PatientView => ({
      id: r.get('id') as string,
      recordCount: r.get('recordCount') as number,
      firstRecordedAt: r.get('firstRecordedAt') as string | null,
      lastRecordedAt: r.get('lastRecordedAt') as string | null,
    }));
    return pickInto(ids, views, (p) => p.id);
  }

  async recordsByIds(ids: readonly string[]): Promise<(RecordView | null)[]> {
    const rows = await this.driver.read('records-by-ids', { ids: [...ids] });
    return pickInto(ids, rows.map((r) => toRecordView(r.get('record') as Props)), (r) => r.id);
  }

  async recordsByPatientIds(ids: readonly string[]): Promise<RecordView[][]> {
    const rows = await this.driver.read('records-by-patient-ids', { ids: [...ids] });
    const items = rows.map((r) => ({ key: r.get('patientId') as string, view: toRecordView(r.get('record') as Props) }));
    return groupInto(ids, items, (i) => i.key).map((g) => g.map((i) => i.view));
  }

  async entitiesByRecordIds(ids: readonly string[]): Promise<EntityView[][]> {
    const rows = await this.driver.read('entities-by-record-ids', { ids: [...ids] });
    return groupInto(ids, rows.map((r) => toEntityView(r.get('mention') as Props)), (e) => e.recordId);
  }

  async timexesByIds(ids: readonly string[]): Promise<(TimexView | null)[]> {
    const rows = await this.driver.read('timexes-by-ids', { ids: [...ids] });
    return pickInto(ids, rows.map((r) => toTimexView(r.get('timex') as Props)), (t) => t.id);
  }

  async timexesByRecordIds(ids: readonly string[]): Promise<TimexView[][]> {
    const rows = await this.driver.read('timexes-by-record-ids', { ids: [...ids] });
    return groupInto(ids, rows.map((r) => toTimexView(r.get('timex') as Props)), (t) => t.recordId);
  }

  async termsByIds(ids: readonly string[]): Promise<(TermView | null)[]> {
    const rows = await this.driver.read('terms-by-ids', { ids: [...ids] });
    const views = rows.map((r): TermView => ({
      id: r.get('id') as string,
      type: r.get('type') as EntityType,
      name: r.get('name') as string,
      mentionCount: r.get('mentionCount') as number,
      patientCount: r.get('patientCount') as number,
    }));
    return pickInto(ids, views, (c) => c.id);
  }

  async conceptsByIds(ids: readonly string[]): Promise<(ConceptView | null)[]> {
    const rows = await this.driver.read('concepts-by-ids', { ids: [...ids] });
    const views = rows.map((r): ConceptView => ({
      id: r.get('id') as string,
      system: r.get('system') as ConceptSystem,
      code: r.get('code') as string,
      name: r.get('name') as string,
      ancestors: (r.get('ancestors') as ConceptCode[]).map((a) => ({ system: a.system, code: a.code, name: a.name })),
    }));
    return pickInto(ids, views, (c) => c.id);
  }

  /** Events by resolved time; undated ones sit at their record's `recordedAt` (`entity.time.undated`). */
  async timeline(q: TimelineQuery): Promise<TimelineEvent[]> {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      throw new BadUserInputError(`from/to: expected from <= to, got ${q.from} > ${q.to}`, { field: 'from' });
    }
    const params = {
      patientId: q.patientId,
      from: q.from ?? null,
      to: q.to ?? null,
      types: [...(q.types ?? EVENT_TYPES)],
      assertions: [...(q.assertions ?? DEFAULT_TIMELINE_ASSERTIONS)],
      subjects: [...(q.subjects ?? DEFAULT_TIMELINE_SUBJECTS)],
      fields: [...ENTITY_FIELDS],
    };
    const [mentions, records] = await this.driver.readTransaction(async (tx) =>
      [await tx.run('timeline', params), await tx.run('timeline-records', { patientId: q.patientId })] as const);
    const recordsById = new Map(records.map((r) => [r.get('id') as string, {
      kind: r.get('kind') as RecordKind, recordedAt: r.get('recordedAt') as string,
    }]));
    const events = mentions.map((row): TimelineEvent => {
      const entity = toEntityView(entityPropsOf(row.get('mention') as unknown[]));
      const record = recordsById.get(entity.recordId);
      // Written in the same transaction as its mentions and read in one snapshot, so present; the fallback only guards that.
      return { entity, recordKind: record?.kind ?? 'OTHER', recordedAt: record?.recordedAt ?? entity.time.start };
    });
    return events.sort(byTimelineOrder);
  }

  /** Ordered by entity id; `endCursor` is opaque (base64url of the last id). */
  async searchEntities(a: EntitySearchArgs): Promise<Page<EntityView>> {
    if (!Number.isInteger(a.first) || a.first < 1 || a.first > 500) {
      throw new BadUserInputError(`first: expected an integer 1..500, got ${String(a.first)}`, { field: 'first' });
    }
    const text = a.text === undefined || a.text.trim() === '' ? null : normaliseSearchText(a.text.trim());
    const rows = await this.driver.read('search-entities', {
      type: a.type ?? null,
      text,
      patientId: a.patientId ?? null,
      after: a.after === undefined ? '' : decodeEntityCursor(a.after),
      limit: neo4j.int(a.first + 1),
    });
    const items = rows.slice(0, a.first).map((r) => toEntityView(r.get('mention') as Props));
    const last = items.at(-1);
    return {
      items,
      endCursor: last ? encodeEntityCursor(last.id) : null,
      hasNextPage: rows.length > a.first,
    };
  }
}

/** Time, then record date, record and offset: a course in the order it happened, ties in reading order. */
function byTimelineOrder(a: TimelineEvent, b: TimelineEvent): number {
  return cmp(a.entity.time.start, b.entity.time.start) || cmp(a.recordedAt, b.recordedAt)
    || cmp(a.entity.recordId, b.entity.recordId) || a.entity.start - b.entity.start;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
