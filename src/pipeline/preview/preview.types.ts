/**
 * What a preview of one text shows (the API's `extract` and the CLI's `extract` print exactly this): every mention with
 * its meaning, concept and time, every time expression with its interval, and the stages that ran.
 */
import type {
  Assertion, ConceptCode, EntityType, Subject, TimePrecision, TimexKind, UnresolvedReason,
} from '../../domain/index.js';

export interface PreviewInterval {
  start: string;
  end: string;
  precision: TimePrecision;
  approx: boolean;
}

export interface PreviewConcept extends ConceptCode {
  /** `<system>:<code>` */
  id: string;
  ancestors: ConceptCode[];
}

export interface PreviewEntity {
  type: EntityType;
  label: string;
  text: string;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  confidence: number;
  /** Local id (T1, T2…) of the time expression placing this event, if any. */
  timexId: string | null;
  /** Null for non-events (ANATOMY); the reference date with `undated: true` when no expression places the event. */
  time: (PreviewInterval & { undated: boolean }) | null;
  undated: boolean;
  assertion: Assertion;
  subject: Subject;
  cue: string | null;
  concept: PreviewConcept | null;
}

export interface PreviewTimex {
  id: string;
  recordId: null;
  localId: string;
  text: string;
  start: number;
  end: number;
  kind: TimexKind;
  value: string;
  anchor: string | null;
  approx: boolean;
  interval: PreviewInterval | null;
  unresolvedReason: UnresolvedReason | null;
  anchorSource: 'RECORD' | 'PATIENT_TIMELINE' | null;
}

export interface ExtractionPreview {
  model: { name: string; version: string };
  stages: { name: string; version: string }[];
  entities: PreviewEntity[];
  timexes: PreviewTimex[];
}
