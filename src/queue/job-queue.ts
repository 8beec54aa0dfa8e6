/**
 * The one interface the rest of the platform uses for jobs, whatever runs them:
 * - `JobService` (src/jobs): the single process of `serve --role all` without Redis; an in-process `PatientQueue`
 *   runs the records, events stay in the process.
 * - `RedisJobQueue` (this folder): BullMQ on Redis carries the work to any number of worker processes, Redis pub/sub
 *   carries every process's job events to every API process.
 * In both, Neo4j holds the truth (jobs, items, counters): a job is accepted once it is stored there, and a queue can
 * always be rebuilt from it.
 *
 * @example
 *   const queue: JobQueue = config.scale.redisUrl ? await openRedisJobQueue(...) : new JobService(...);
 *   queue.on('progress', (e) => ...);   // every job's events, from whichever process ran the record
 *   await queue.start();  const job = await queue.submit(records);  await queue.cancel(job.id);
 */
import type { ClinicalRecord } from '../domain/index.js';
import type { JobListArgs, JobPage, JobServiceEvents, JobView } from '../jobs/index.js';

/** Structurally the API's `JobsPort` + `ProgressSource` (src/api/services.ts), which it satisfies. */
export interface JobQueue {
  /** Stores the job and its records (QUEUED) in Neo4j, then hands them to the runner. Records are validated already. */
  submit(records: readonly ClinicalRecord[]): Promise<JobView>;
  get(id: string): Promise<JobView | null>;
  list(args: JobListArgs): Promise<JobPage>;
  /** Drops the job's queued records (on any process); those in flight finish. Unknown id → NotFoundError. */
  cancel(id: string): Promise<JobView>;
  /** Subscribes to job events; returns the unsubscribe function. */
  on<E extends keyof JobServiceEvents>(event: E, listener: JobServiceEvents[E]): () => void;
  /** Batch form of `get`: answers in `ids` order, null for unknown ids. */
  getMany(ids: readonly string[]): Promise<(JobView | null)[]>;
  /** Begins delivering events and, where this process runs records, processing them (resuming unfinished ones). */
  start(): Promise<void>;
  /**
   * Takes no more records; records in flight get `graceMs` to finish, then stay queued (never FAILED) for the next
   * start or another worker.
   */
  stop(options?: { graceMs?: number }): Promise<{ finished: number; abandoned: number }>;
  /** Resolves when nothing is pending or running in this process (CLI, tests). */
  idle(): Promise<void>;
}
