/**
 * What the API needs from the layers below it, as narrow structural interfaces that `JobService` (src/jobs),
 * `ReadRepository` (src/graph) and the preview service satisfy. `main.ts` wires the real ones.
 */
import type { CohortFindArgs, CohortPage, CohortPageArgs, PatientIdPage } from '../cohort/index.js';
import type { LimitsConfig } from '../config/index.js';
import type { ClinicalRecord } from '../domain/index.js';
import type {
  ConceptView, EntitySearchArgs, EntityView, Page, PatientView, RecordView, TermView, TimelineEvent, TimelineQuery,
  TimexView,
} from '../graph/index.js';
import type { JobListArgs, JobPage, JobServiceEvents, JobView } from '../jobs/index.js';
import type { ExtractionPreviewNode } from './extraction/extraction.type.js';

export interface JobsPort {
  submit(records: readonly ClinicalRecord[]): Promise<JobView>;
  get(id: string): Promise<JobView | null>;
  list(args: JobListArgs): Promise<JobPage>;
  /** Drops the job's queued records; those in flight finish. Unknown id → NotFoundError. */
  cancel(id: string): Promise<JobView>;
}

/** Batch reads, ONE Cypher round trip each; results in the order of `ids`, null (or []) when missing. */
export interface ReadsPort {
  patientsByIds(ids: readonly string[]): Promise<(PatientView | null)[]>;
  recordsByIds(ids: readonly string[]): Promise<(RecordView | null)[]>;
  recordsByPatientIds(ids: readonly string[]): Promise<RecordView[][]>;
  entitiesByRecordIds(ids: readonly string[]): Promise<EntityView[][]>;
  timexesByIds(ids: readonly string[]): Promise<(TimexView | null)[]>;
  timexesByRecordIds(ids: readonly string[]): Promise<TimexView[][]>;
  termsByIds(ids: readonly string[]): Promise<(TermView | null)[]>;
  conceptsByIds(ids: readonly string[]): Promise<(ConceptView | null)[]>;
  timeline(query: TimelineQuery): Promise<TimelineEvent[]>;
  searchEntities(args: EntitySearchArgs): Promise<Page<EntityView>>;
}

export interface PreviewPort {
  preview(text: string, recordedAt: string): Promise<ExtractionPreviewNode>;
}

/** The event side of `JobService`. */
export interface ProgressSource {
  on<E extends keyof JobServiceEvents>(event: E, listener: JobServiceEvents[E]): () => void;
}

/** Cohort queries across patients (`CohortRunner`, src/cohort): criteria are validated and compiled there. */
export interface CohortPort {
  find(criteria: unknown, page: CohortFindArgs): Promise<CohortPage>;
  patients(page: CohortPageArgs): Promise<PatientIdPage>;
}

export interface ApiServices {
  jobs: JobsPort;
  reads: ReadsPort;
  preview: PreviewPort;
  cohort: CohortPort;
  limits: LimitsConfig;
}
