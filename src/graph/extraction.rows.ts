/**
 * Turns one record's extraction (NER entities + time analysis) into the parameter rows of `write-timexes` and
 * `write-mentions`, deciding every mention's time: the linked TIMEX's interval, else the record's `recordedAt` as a
 * DAY interval flagged `undated`.
 *
 * @example
 *   mentionRows(extraction)[0].props
 *   // { id: 'r1:3-9', type: 'SURGERY', timexId: 'r1:T1', timeStart: '2018-03-12', timeEnd: '2018-03-12', undated: false, ... }
 */
import neo4j, { type Integer } from 'neo4j-driver';
import type { AnnotatedMention, ClinicalRecord, ConceptCode, ResolvedInterval, TimeLink, Timex, TimexResolution } from '../domain/index.js';
import { conceptNodeId, normaliseSearchText, normaliseTermName, termId } from './term-id.js';
import type { EventTime } from './graph.types.js';

export interface ModelStamp {
  name: string;
  version: string;
}

/** Everything the pipeline learnt about one record. */
export interface RecordExtraction {
  record: ClinicalRecord;
  entities: readonly AnnotatedMention[];
  timexes: readonly Timex[];
  links: readonly TimeLink[];
  resolutions: readonly TimexResolution[];
  model: ModelStamp;
  /** The pipeline's stages and versions (`ner@m@1 → rules@… → …`), stored on the record so `reprocess --stale` finds it. */
  pipeline?: string;
}

export type TimexRow = Record<string, string | number | boolean | Integer | null>;
export interface MentionRow {
  props: Record<string, string | number | boolean | Integer | null>;
  termName: string;
}

/** A standard concept node (`(:Concept {id, system, code, name})`). */
export interface ConceptRow {
  id: string;
  system: string;
  code: string;
  name: string;
}

/** One `IS_A` edge, child → parent (ICD10:C50.9 → ICD10:C50). */
export interface ConceptLinkRow {
  child: string;
  parent: string;
}

export function timexId(recordId: string, localId: string): string {
  return `${recordId}:${localId}`;
}

export function mentionId(recordId: string, start: number, end: number): string {
  return `${recordId}:${start}-${end}`;
}

export function timexRows(x: RecordExtraction): TimexRow[] {
  const byId = new Map(x.resolutions.map((r) => [r.timexId, r]));
  return x.timexes.map((t) => {
    const r = byId.get(t.id);
    const interval = r?.interval ?? null;
    return {
      id: timexId(x.record.recordId, t.id),
      recordId: x.record.recordId,
      localId: t.id,
      text: t.text,
      start: neo4j.int(t.start),
      end: neo4j.int(t.end),
      kind: t.kind,
      value: t.value,
      anchor: t.anchor ?? null,
      approx: t.approx,
      intervalStart: interval?.start ?? null,
      intervalEnd: interval?.end ?? null,
      precision: interval?.precision ?? null,
      intervalApprox: interval?.approx ?? null,
      unresolvedReason: interval === null ? (r?.unresolvedReason ?? null) : null,
      anchorSource: r?.anchorSource ?? null,
    };
  });
}

/** Sorted by termId: concurrent records then lock shared Term nodes in one global order. */
export function mentionRows(x: RecordExtraction): MentionRow[] {
  const intervals = new Map<string, ResolvedInterval>();
  for (const r of x.resolutions) if (r.interval) intervals.set(r.timexId, r.interval);
  const linkOf = new Map<string, string | null>();
  for (const l of x.links) linkOf.set(`${l.entityStart}-${l.entityEnd}`, l.timexId);

  const rows = x.entities.map((e): MentionRow => {
    const localTimex = linkOf.get(`${e.start}-${e.end}`) ?? null;
    const time = eventTime(localTimex === null ? undefined : intervals.get(localTimex), x.record.recordedAt);
    return {
      termName: normaliseTermName(e.text),
      props: {
        id: mentionId(x.record.recordId, e.start, e.end),
        recordId: x.record.recordId,
        patientId: x.record.patientId,
        recordedAt: x.record.recordedAt,
        type: e.type,
        label: e.label,
        text: e.text,
        textLower: normaliseSearchText(e.text),
        start: neo4j.int(e.start),
        end: neo4j.int(e.end),
        confidence: e.confidence,
        modelName: x.model.name,
        modelVersion: x.model.version,
        termId: termId(e.type, e.text),
        assertion: e.assertion,
        subject: e.subject,
        conceptId: e.concept ? conceptNodeId(e.concept) : null,
        conceptSystem: e.concept?.system ?? null,
        conceptCode: e.concept?.code ?? null,
        conceptName: e.concept?.name ?? null,
        timexId: localTimex === null ? null : timexId(x.record.recordId, localTimex),
        timeStart: time.start,
        timeEnd: time.end,
        timePrecision: time.precision,
        timeApprox: time.approx,
        undated: time.undated,
      },
    };
  });
  return rows.sort((a, b) => compare(String(a.props['termId']), String(b.props['termId'])));
}

/**
 * Every standard concept the records' mentions are coded as, with all their ancestors, once each, sorted by id (one
 * global lock order for concurrent records), and the IS_A edges between them.
 *
 * @example
 *   conceptRows(x)   // { concepts: [ICD10:C00-D48, ICD10:C50, ICD10:C50.9], links: [{ child: 'ICD10:C50', parent: 'ICD10:C00-D48' }, ...] }
 */
export function conceptRows(...xs: readonly RecordExtraction[]): { concepts: ConceptRow[]; links: ConceptLinkRow[] } {
  const concepts = new Map<string, ConceptRow>();
  const links = new Map<string, ConceptLinkRow>();
  const add = (c: ConceptCode): string => {
    const id = conceptNodeId(c);
    if (!concepts.has(id)) concepts.set(id, { id, system: c.system, code: c.code, name: c.name });
    return id;
  };
  for (const e of xs.flatMap((x) => x.entities)) {
    if (!e.concept) continue;
    let child = add(e.concept);
    for (const a of e.concept.ancestors) {
      const parent = add(a);
      links.set(`${child}>${parent}`, { child, parent });
      child = parent;
    }
  }
  const byId = (a: { id: string }, b: { id: string }): number => compare(a.id, b.id);
  return {
    concepts: [...concepts.values()].sort(byId),
    links: [...links.values()].sort((a, b) => compare(a.child, b.child) || compare(a.parent, b.parent)),
  };
}

export function eventTime(interval: ResolvedInterval | undefined, recordedAt: string): EventTime {
  if (interval) return { ...interval, undated: false };
  return { start: recordedAt, end: recordedAt, precision: 'DAY', approx: false, undated: true };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
