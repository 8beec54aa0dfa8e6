/**
 * What the viewer reads from the API: a patient's timeline events as `patient { timeline { … } }` returns them.
 * Optional fields exist only once the schema has them (see schema-features.ts).
 */

export interface EventTime {
  /** CalendarDate, YYYY-MM-DD, inclusive. */
  start: string;
  /** CalendarDate, inclusive. */
  end: string;
  precision: string;
  approx: boolean;
  undated: boolean;
}

export interface ConceptData {
  name: string;
  code?: string | null;
  system?: string | null;
}

export interface TimelineEventData {
  undated: boolean;
  time: EventTime;
  entity: {
    id: string;
    type: string;
    label: string;
    text: string;
    confidence: number;
    start: number;
    end: number;
    assertion?: string | null;
    subject?: string | null;
    concept?: ConceptData | null;
  };
  timex: { id: string; text: string; kind: string; value: string; start: number; end: number } | null;
  record: { id: string; kind: string; recordedAt: string };
  span: { recordId: string; start: number; end: number; text: string };
}

export interface PatientTimeline {
  id: string;
  recordCount: number;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
  timeline: TimelineEventData[];
}

export interface RecordSource {
  id: string;
  kind: string;
  recordedAt: string;
  text: string;
}

export interface JobState {
  id: string;
  status: string;
  done: number;
  failed: number;
  total: number;
  entities: number;
}

export const FINAL_JOB_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED']);
