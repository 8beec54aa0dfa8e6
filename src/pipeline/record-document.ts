/**
 * The one document a record's pipeline builds, layer by layer (in the spirit of spaCy's `Doc`): each stage reads the
 * layers earlier stages wrote and adds its own. Layers are absent until their stage has run, so "not computed" is never
 * confused with a value (an entity without an `assertions` entry was not looked at; it is not PRESENT by default).
 *
 * @example
 *   const doc = newDocument({ text: '无发热。', recordedAt: '2020-01-02' });
 *   // after ner: doc.entities = [{ start: 1, end: 3, text: '发热', type: 'SYMPTOM', ... }]
 *   // after assertion: doc.assertions = [{ assertion: 'ABSENT', subject: 'PATIENT', cue: '无' }]
 */
import type {
  Assertion, ConceptRef, EntityMention, Subject, TimeLink, Timex, TimexResolution,
} from '../domain/index.js';
import type { PriorEvent } from '../time/index.js';

/** What a pipeline run starts from. `priorEvents`: the patient's earlier dated events (the job reads them). */
export interface RecordInput {
  readonly text: string;
  /** `YYYY-MM-DD`: the reference date of relative time expressions. */
  readonly recordedAt: string;
  readonly priorEvents?: readonly PriorEvent[];
}

/** The layers a stage can provide; a stage names the ones it needs and the ones it adds. */
export const LAYERS = ['entities', 'assertions', 'concepts', 'time'] as const;
export type Layer = (typeof LAYERS)[number];

export interface MentionMeaning {
  assertion: Assertion;
  subject: Subject;
  /** The text that decided it (`无`, `母亲`), null when nothing did (PRESENT, PATIENT). */
  cue: string | null;
}

export interface TimeLayer {
  timexes: Timex[];
  links: TimeLink[];
  resolutions: TimexResolution[];
}

export interface RecordDocument extends RecordInput {
  /** UTF-16 offsets, sorted by start then end (NER, then rules). */
  entities?: EntityMention[];
  /** Parallel to `entities`. */
  assertions?: MentionMeaning[];
  /** Parallel to `entities`; null where nothing fits or the type is not coded. */
  concepts?: (ConceptRef | null)[];
  time?: TimeLayer;
}

export function newDocument(input: RecordInput): RecordDocument {
  return { text: input.text, recordedAt: input.recordedAt, ...(input.priorEvents ? { priorEvents: input.priorEvents } : {}) };
}
