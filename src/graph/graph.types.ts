/**
 * Read models of the patient-timeline graph, returned by `ReadRepository` (src/graph/read.repo.ts).
 * Dates are `YYYY-MM-DD`; offsets are UTF-16 code units into the record text, end exclusive.
 */
import type {
  Assertion, ConceptCode, EntityType, Subject, RecordKind, TimePrecision, TimexKind, UnresolvedReason,
} from '../domain/index.js';

/** QUEUED: accepted, extraction pending (or being replaced); DONE: extraction stored; FAILED: last attempt failed. */
export type RecordStatus = 'QUEUED' | 'DONE' | 'FAILED';

export interface PatientView {
  id: string;
  recordCount: number;
  /** Earliest / latest record `recordedAt`; null without records. */
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
}

export interface RecordView {
  id: string;
  patientId: string;
  kind: RecordKind;
  recordedAt: string;
  text: string;
  status: RecordStatus;
  entityCount: number;
  timexCount: number;
  /** Model that produced the stored extraction; null while never processed. */
  modelName: string | null;
  modelVersion: string | null;
  /** The pipeline stages and versions that produced it (see `describePipeline`); null before round 2 or never processed. */
  pipeline: string | null;
  /** ISO 8601 timestamp of the stored extraction; null while never processed. */
  processedAt: string | null;
}

/** When an event happened. `undated`: no TIMEX placed it, so it sits at the record's `recordedAt`. */
export interface EventTime {
  start: string;
  end: string;
  precision: TimePrecision;
  approx: boolean;
  undated: boolean;
}

export interface EntityView {
  /** `<recordId>:<start>-<end>` */
  id: string;
  recordId: string;
  patientId: string;
  type: EntityType;
  label: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
  modelName: string;
  modelVersion: string;
  /** `<type>:<normalised name>` (see `termId`): the literal grouping, shared across patients. */
  termId: string;
  assertion: Assertion;
  subject: Subject;
  /** The standard concept (`<system>:<code>`), null when none was found. */
  conceptId: string | null;
  /** Its system, code and name (denormalised on the mention); null with `conceptId`. */
  concept: ConceptCode | null;
  /** The linked TIMEX (id as in `TimexView.id`), or null. */
  timexId: string | null;
  time: EventTime;
}

export interface TimexView {
  /** `<recordId>:<localId>` */
  id: string;
  recordId: string;
  /** The time module's id within the record: `T1`, `T2`, ... */
  localId: string;
  text: string;
  start: number;
  end: number;
  kind: TimexKind;
  value: string;
  anchor: string | null;
  approx: boolean;
  /** Resolved calendar interval; null with `unresolvedReason` set. */
  interval: { start: string; end: string; precision: TimePrecision; approx: boolean } | null;
  unresolvedReason: UnresolvedReason | null;
  anchorSource: 'RECORD' | 'PATIENT_TIMELINE' | null;
}

/** A standard concept with its ancestors, nearest first (ICD10:C50.9 → C50 → C00-D48). */
export interface ConceptView extends ConceptCode {
  /** `<system>:<code>` */
  id: string;
  ancestors: ConceptCode[];
}

export interface TermView {
  /** `<type>:<normalised name>` */
  id: string;
  type: EntityType;
  name: string;
  /** Mentions across all patients. */
  mentionCount: number;
  patientCount: number;
}

export interface TimelineQuery {
  patientId: string;
  /** Inclusive bounds; an event is kept when its interval overlaps [from, to]. */
  from?: string;
  to?: string;
  /** Default: the event types (`EVENT_TYPES`, i.e. everything but ANATOMY). */
  types?: readonly EntityType[];
  /** Default: PRESENT and POSSIBLE (what the record asserts or suspects; denied findings are left out). */
  assertions?: readonly Assertion[];
  /** Default: PATIENT (relatives' histories are left out). */
  subjects?: readonly Subject[];
}

/** One timeline entry: an event mention with its record's context. */
export interface TimelineEvent {
  entity: EntityView;
  recordKind: RecordKind;
  recordedAt: string;
}

export interface EntitySearchArgs {
  type?: EntityType;
  /** Substring of the mention text (case-insensitive for Latin letters). */
  text?: string;
  patientId?: string;
  /** 1..500 */
  first: number;
  after?: string;
}

export interface Page<T> {
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}
