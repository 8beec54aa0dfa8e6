export const RECORD_KINDS = ['ADMISSION', 'DISCHARGE', 'PATHOLOGY', 'IMAGING', 'PROGRESS', 'OTHER'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A clinical record as accepted by the platform. `recordedAt` is a calendar date `YYYY-MM-DD`. */
export interface ClinicalRecord {
  patientId: string;
  recordId: string;
  kind: RecordKind;
  recordedAt: string;
  text: string;
}
