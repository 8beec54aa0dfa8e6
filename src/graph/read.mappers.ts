/** Neo4j property maps → read models (graph.types.ts). Missing optional properties become null. */
import type {
  Assertion, ConceptSystem, EntityType, RecordKind, Subject, TimePrecision, TimexKind, UnresolvedReason,
} from '../domain/index.js';
import type { EntityView, RecordStatus, RecordView, TimexView } from './graph.types.js';

type Props = Record<string, unknown>;

const str = (p: Props, k: string): string => p[k] as string;
const num = (p: Props, k: string): number => (p[k] as number | undefined) ?? 0;
const opt = <T>(p: Props, k: string): T | null => (p[k] as T | undefined) ?? null;

export function toRecordView(p: Props): RecordView {
  return {
    id: str(p, 'id'),
    patientId: str(p, 'patientId'),
    kind: str(p, 'kind') as RecordKind,
    recordedAt: str(p, 'recordedAt'),
    text: str(p, 'text'),
    status: str(p, 'status') as RecordStatus,
    entityCount: num(p, 'entityCount'),
    timexCount: num(p, 'timexCount'),
    modelName: opt(p, 'modelName'),
    modelVersion: opt(p, 'modelVersion'),
    pipeline: opt(p, 'pipeline'),
    processedAt: opt(p, 'processedAt'),
  };
}

/** The mention properties `toEntityView` reads: what a timeline statement projects, in this order (timeline.cypher). */
export const ENTITY_FIELDS = [
  'id', 'recordId', 'patientId', 'type', 'label', 'text', 'start', 'end', 'confidence', 'modelName', 'modelVersion',
  'termId', 'assertion', 'subject', 'conceptId', 'conceptSystem', 'conceptCode', 'conceptName', 'timexId', 'timeStart',
  'timeEnd', 'timePrecision', 'timeApprox', 'undated',
] as const;

/** A row of `ENTITY_FIELDS` values (timeline.cypher) as the property map `toEntityView` takes. */
export function entityPropsOf(values: readonly unknown[]): Props {
  const props: Props = {};
  for (let i = 0; i < ENTITY_FIELDS.length; i++) props[ENTITY_FIELDS[i]!] = values[i];
  return props;
}

export function toEntityView(p: Props): EntityView {
  return {
    id: str(p, 'id'),
    recordId: str(p, 'recordId'),
    patientId: str(p, 'patientId'),
    type: str(p, 'type') as EntityType,
    label: str(p, 'label'),
    text: str(p, 'text'),
    start: num(p, 'start'),
    end: num(p, 'end'),
    confidence: num(p, 'confidence'),
    modelName: str(p, 'modelName'),
    modelVersion: str(p, 'modelVersion'),
    termId: str(p, 'termId'),
    // Mentions stored before assertion existed read as asserted facts of the patient (schema.cypher migrates them too).
    assertion: (opt<Assertion>(p, 'assertion') ?? 'PRESENT'),
    subject: (opt<Subject>(p, 'subject') ?? 'PATIENT'),
    conceptId: opt(p, 'conceptId'),
    concept: opt<string>(p, 'conceptCode') === null ? null : {
      system: str(p, 'conceptSystem') as ConceptSystem,
      code: str(p, 'conceptCode'),
      name: str(p, 'conceptName'),
    },
    timexId: opt(p, 'timexId'),
    time: {
      start: str(p, 'timeStart'),
      end: str(p, 'timeEnd'),
      precision: str(p, 'timePrecision') as TimePrecision,
      approx: p['timeApprox'] === true,
      undated: p['undated'] === true,
    },
  };
}

export function toTimexView(p: Props): TimexView {
  const start = opt<string>(p, 'intervalStart');
  return {
    id: str(p, 'id'),
    recordId: str(p, 'recordId'),
    localId: str(p, 'localId'),
    text: str(p, 'text'),
    start: num(p, 'start'),
    end: num(p, 'end'),
    kind: str(p, 'kind') as TimexKind,
    value: str(p, 'value'),
    anchor: opt(p, 'anchor'),
    approx: p['approx'] === true,
    interval: start === null ? null : {
      start,
      end: str(p, 'intervalEnd'),
      precision: str(p, 'precision') as TimePrecision,
      approx: p['intervalApprox'] === true,
    },
    unresolvedReason: opt<UnresolvedReason>(p, 'unresolvedReason'),
    anchorSource: opt<'RECORD' | 'PATIENT_TIMELINE'>(p, 'anchorSource'),
  };
}

/** Groups rows by key in the order of `ids` (DataLoader wants one result per key, in key order). */
export function groupInto<T>(ids: readonly string[], items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Picks one row per key in the order of `ids`, null when missing. */
export function pickInto<T>(ids: readonly string[], items: readonly T[], keyOf: (item: T) => string): (T | null)[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return ids.map((id) => byKey.get(id) ?? null);
}
