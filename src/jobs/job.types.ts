/**
 * Job types shared by `src/jobs` (which produces them) and `src/api` (which exposes them).
 * A job is the set of records of one `submit` call; each record is a job item processed at most once to completion.
 */
export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'] as const;
/**
 * QUEUED → RUNNING → SUCCEEDED | PARTIAL (some records failed) | FAILED (all failed) | CANCELLED (`cancelJob`: its
 * queued records were dropped, those in flight finished). The last four are final.
 */
export type JobStatus = (typeof JOB_STATUSES)[number];

export const FINAL_JOB_STATUSES: ReadonlySet<JobStatus> = new Set<JobStatus>(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);

/** Codes a record can fail with. */
/** `RETRIES_EXHAUSTED`: the dead-letter state of a multi-process deployment (src/queue): the record's processing threw
 * (or its worker died) on every attempt, so it is failed for good and the patient's later records go on. */
export type RecordErrorCode = 'NER_FAILED' | 'ASSERTION_FAILED' | 'NORMALISE_FAILED' | 'TIME_FAILED' | 'GRAPH_WRITE_FAILED'
  | 'RETRIES_EXHAUSTED';

/** Why one record failed. `message` never contains record text (codes, class names, counts only). */
export interface RecordError {
  recordId: string;
  code: RecordErrorCode;
  message: string;
}

export interface JobView {
  id: string;
  status: JobStatus;
  /** Records accepted by the call. */
  total: number;
  /** Records finished so far, failed ones included. */
  done: number;
  failed: number;
  /** Records dropped by `cancelJob` before they were processed. */
  cancelled: number;
  /** Entity mentions stored by this job so far. */
  entities: number;
  /** In the order the records failed. */
  errors: RecordError[];
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** Emitted on every state change of a job (submit, each record finished, final state). */
export interface JobProgressEvent {
  job: JobView;
  /** The record whose processing caused this change; null for submit. */
  recordId: string | null;
  patientId: string | null;
}

export interface JobListArgs {
  status?: JobStatus;
  /** 1..500 */
  first: number;
  /** An `endCursor` from a previous page. */
  after?: string;
}

/** Newest job first. */
export interface JobPage {
  items: JobView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The events `JobService.on` accepts. */
export interface JobServiceEvents {
  progress: (event: JobProgressEvent) => void;
  timelineUpdated: (patientId: string) => void;
}

/** Optional hooks for metrics (src/queue/queue-metrics.ts); ids and numbers only. */
export interface JobObserver {
  /** A record finished (DONE or FAILED) after `seconds` of pipeline and write. */
  recordFinished(status: 'DONE' | 'FAILED', seconds: number): void;
  /** A record's write transaction was run again by the driver (deadlock or another transient error). */
  transactionRetried(): void;
}
