/**
 * What the synthetic generator produces and the bulk writer stores: patients with records whose mentions already
 * carry everything the record pipeline would have found (type, text span, time, assertion, subject, concept), so a
 * graph of any size can be built without running NER.
 */
import type { Assertion, ConceptSystem, EntityType, Subject, RecordKind, TimePrecision } from '../domain/index.js';

/** A standard concept with its parent (null for a chapter or block at the top). */
export interface SynthConcept {
  system: ConceptSystem;
  code: string;
  name: string;
  parentCode: string | null;
}

export interface SynthMention {
  /** UTF-16 offsets into the record text, end exclusive: `record.text.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  assertion: Assertion;
  subject: Subject;
  /** `<system>:<code>` of a concept in the writer's vocabulary, or null. */
  conceptId: string | null;
  /** The resolved interval; undated mentions sit at the record date. */
  time: { start: string; end: string; precision: TimePrecision; approx: boolean; undated: boolean };
}

export interface SynthRecord {
  id: string;
  patientId: string;
  kind: RecordKind;
  recordedAt: string;
  text: string;
  mentions: SynthMention[];
}

export interface SynthPatient {
  id: string;
  records: SynthRecord[];
}
