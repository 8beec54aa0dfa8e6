/**
 * Durable ingestion jobs. `submit` stores the job and its records (QUEUED, with their text) in Neo4j before it
 * resolves; a `PatientQueue` then runs each record through `processRecord` with bounded concurrency. On `start`,
 * jobs a previous process left unfinished are resumed from Neo4j.
 *
 * Neo4j away: a record whose reads or writes fail because Neo4j does not answer is not failed; its run pauses until
 * the driver sees Neo4j again (`GraphDriver.whenAvailable`) and then starts over (a FAILED outcome recorded in the
 * instant Neo4j came back is taken back first). `cancel` drops a job's queued records; those in flight finish.
 * `stop({ graceMs })` leaves records still running after the grace period QUEUED for the next start, never FAILED.
 *
 * @example
 *   const jobs = new JobService({ driver, pipeline: createRecordPipeline({ ner, concepts }), concurrency: 2 });
 *   jobs.on('progress', (e) => console.log(e.job.done, '/', e.job.total));
 *   await jobs.start();
 *   const job = await jobs.submit(records);   // { id, status: 'QUEUED', total: records.length, done: 0, ... }
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ClinicalRecord } from '../domain/index.js';
import type { GraphDriver } from '../graph/index.js';
import { NotFoundError } from '../errors/index.js';
import { stderrLog, type Log } from '../log/index.js';
import { cancelJob, jobsByIds, listJobs, markJobRunning, queuedItems, requeueItem, submitJob, type JobItem } from './job.repo.js';
import type { JobListArgs, JobObserver, JobPage, JobServiceEvents, JobView } from './job.types.js';
import { DEFAULT_GROUP_COMMIT, GroupCommitter, type GroupCommitOptions } from './group-commit.js';
import { PatientQueue } from './patient-queue.js';
import type { RecordPipeline } from '../pipeline/index.js';
import { processRecord } from './process-record.js';
import { describeFailure, isUnavailable, signal } from './record-errors.js';

const MAX_TRACKED_JOBS = 10_000;

export interface JobServiceDeps {
  driver: GraphDriver;
  /** Runs every record (src/pipeline); its `model` is stamped on each extraction. */
  pipeline: RecordPipeline;
  /** Records run through the pipeline at once (different patients). */
  concurrency: number;
  /**
   * Finished records written per transaction (src/jobs/group-commit.ts); default 32 records, no linger. A record
   * waiting for its commit gives its slot to the next record (its patient stays busy until it is stored).
   */
  groupCommit?: GroupCommitOptions;
  /** Operational messages: ids and counts only. Default: the process's JSON logger on stderr (src/log). */
  log?: Log;
  /**
   * Which unfinished jobs `start` resumes: true (default) all, false none, or only the listed job ids.
   * Only tests that share one database between parallel services need anything but the default.
   */
  resume?: boolean | readonly string[];
  /** Metrics hooks (records finished, transaction retries); none by default. */
  observer?: JobObserver;
}

export class JobService {
  private readonly events = new EventEmitter();
  private readonly queue: PatientQueue;
  private readonly commits: GroupCommitter;
  private readonly runningJobs = new Set<string>();
  private readonly lastEmitted = new Map<string, { done: number; final: boolean }>();
  private readonly log: Log;
  private started = false;
  private stopping = false;
  private stopSignal: { promise: Promise<void>; resolve: () => void } = signal();

  constructor(private readonly deps: JobServiceDeps) {
    this.log = deps.log ?? stderrLog;
    const group = deps.groupCommit ?? DEFAULT_GROUP_COMMIT;
    const observer = deps.observer;
    this.commits = new GroupCommitter(deps.driver, group, observer ? { onTransactionRetry: () => observer.transactionRetried() } : {});
    this.queue = new PatientQueue(deps.concurrency, (item, release) => this.run(item, release));
  }

  /** Persists the job (QUEUED) and its records, then schedules them. Records must be validated by the caller. */
  async submit(records: readonly ClinicalRecord[]): Promise<JobView> {
    if (records.length === 0) throw new TypeError('records: expected at least one record, got 0');
    const jobId = randomUUID();
    await submitJob(this.deps.driver, jobId, records, new Date().toISOString());
    this.log(`jobs: job ${jobId} accepted ${records.length} records`, { jobId, records: records.length });
    // Read and announce the QUEUED state before scheduling, so no RUNNING event can precede it.
    const view = await this.require(jobId);
    this.emitProgress({ job: view, recordId: null, patientId: null });
    this.queue.addAll(records.map((record, seq) => ({ jobId, seq, record })));
    return view;
  }

  async get(id: string): Promise<JobView | null> {
    return (await jobsByIds(this.deps.driver, [id]))[0] ?? null;
  }

  /** Batch form of `get` for DataLoader: one round trip, answers in `ids` order. */
  async getMany(ids: readonly string[]): Promise<(JobView | null)[]> {
    return jobsByIds(this.deps.driver, ids);
  }

  list(args: JobListArgs): Promise<JobPage> {
    return listJobs(this.deps.driver, args);
  }

  /** Subscribes; returns the unsubscribe function. */
  on<E extends keyof JobServiceEvents>(event: E, fn: JobServiceEvents[E]): () => void {
    this.events.on(event, fn);
    return () => this.events.off(event, fn);
  }

  /** Prunes terms left without mentions, resumes unfinished jobs, then processes new ones as they arrive. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.stopSignal = signal();
    const resume = this.deps.resume ?? true;
    // Pruning races with concurrent term MERGEs, so only a service that owns the database (resume all) prunes,
    // and only before it processes anything.
    const pruned = resume === true ? await this.deps.driver.write('prune-orphan-terms') : [];
    const items = resume === false ? [] : await queuedItems(this.deps.driver);
    const wanted = Array.isArray(resume) ? items.filter((i) => (resume as readonly string[]).includes(i.jobId)) : items;
    const resumed = this.queue.addAll(wanted);
    this.log(`jobs: started; pruned ${String(pruned[0]?.get('pruned') ?? 0)} orphan terms; resumed ${resumed} queued records`);
    this.queue.start();
  }

  /**
   * Cancels a job: its queued records are dropped (CANCELLED, text removed), the ones in flight finish, and the job
   * becomes CANCELLED when nothing is left (announced as a progress event). A final job is returned unchanged.
   * Unknown id → `NotFoundError`.
   */
  async cancel(jobId: string): Promise<JobView> {
    const before = await this.get(jobId);
    if (before === null) throw new NotFoundError('Job', jobId);
    if (before.finishedAt !== null) return before;
    const { running } = this.queue.removeJob(jobId);
    const cancelled = await cancelJob(this.deps.driver, jobId, running, new Date().toISOString());
    const job = await this.require(jobId);
    if (cancelled !== null) {
      this.log(`jobs: job ${jobId} cancelled: ${cancelled} queued records dropped, ${running.length} in flight finish`);
    }
    if (job.finishedAt !== null) this.runningJobs.delete(jobId);
    this.emitProgress({ job, recordId: null, patientId: null });
    return job;
  }

  /**
   * Takes no more records and waits for the running ones, at most `graceMs` (default: as long as they take); records
   * still running then are abandoned: writes are refused from here on, so they stay QUEUED in Neo4j for the next
   * start, never FAILED by the shutdown. The rest stay QUEUED too.
   */
  async stop(options: { graceMs?: number } = {}): Promise<{ finished: number; abandoned: number }> {
    this.stopping = true;
    this.stopSignal.resolve(); // paused runs (Neo4j away) give up waiting
    const result = await this.queue.stop(options.graceMs);
    if (result.abandoned > 0) this.deps.driver.refuseWrites();
    this.started = false;
    return result;
  }

  /** Resolves when no record is pending or running in this process (CLI, tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** One record, retried from the start while Neo4j is away (paused until it answers); gives up only on stop. */
  private async run(item: JobItem, release: () => void = () => undefined): Promise<void> {
    const { recordId } = item.record;
    let requeue = false;
    for (let attempt = 1; ; attempt += 1) {
      if (this.stopping) {
        this.log(`jobs: job ${item.jobId} record ${recordId} left queued (stopping)`);
        return;
      }
      if (!this.deps.driver.available) {
        this.log(`jobs: job ${item.jobId} record ${recordId} paused: Neo4j unavailable (attempt ${attempt})`);
        await Promise.race([this.deps.driver.whenAvailable(), this.stopSignal.promise]);
        if (!this.deps.driver.available && !this.stopping) {
          this.log(`jobs: job ${item.jobId} record ${recordId} left queued: the graph driver was closed`);
          return;
        }
        continue;
      }
      try {
        if (requeue) {
          await requeueItem(this.deps.driver, item, new Date().toISOString());
          requeue = false;
        }
        requeue = await this.runOnce(item, release);
        if (!requeue) return;
      } catch (err) {
        if (this.stopping || !isUnavailable(err, this.deps.driver.available)) {
          // Not Neo4j being away (or shutting down): the item stays QUEUED and the next start redoes it.
          this.log(`jobs: job ${item.jobId} record ${recordId} left queued: ${describeFailure(err)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * attempt))); // a blip the driver missed
      }
    }
  }

  /** Returns true when the outcome was only Neo4j being away and must be taken back and retried. */
  private async runOnce(item: JobItem, release: () => void): Promise<boolean> {
    const { recordId, patientId } = item.record;
    if (!this.runningJobs.has(item.jobId)) {
      if (await markJobRunning(this.deps.driver, item.jobId, new Date().toISOString())) {
        this.emitProgress({ job: await this.require(item.jobId), recordId: null, patientId: null });
      }
      this.runningJobs.add(item.jobId);
    }
    const observer = this.deps.observer;
    const started = performance.now();
    const outcome = await processRecord({
      driver: this.deps.driver,
      pipeline: this.deps.pipeline,
      commit: (entry) => this.commits.commit(entry),
      onExtracted: release,
      ...(observer ? { onTransactionRetry: () => observer.transactionRetried() } : {}),
    }, item);
    if (outcome === null) {
      // Finished by an earlier run (or cancelled): nothing changed. Announce the current state in case that run's
      // announcement was lost to a Neo4j outage (emitProgress drops it when it is not news).
      const current = await this.get(item.jobId);
      if (current) this.emitProgress({ job: current, recordId: null, patientId: null });
      return false;
    }
    if (outcome.status === 'FAILED' && outcome.error?.message.startsWith('ServiceUnavailableError')) return true;
    observer?.recordFinished(outcome.status, (performance.now() - started) / 1000);
    this.log(`jobs: job ${item.jobId} record ${recordId} ${outcome.status} (${outcome.entities} entities${
      outcome.error ? `, ${outcome.error.code}` : ''})`);
    const job = await this.require(item.jobId);
    if (job.finishedAt !== null) this.runningJobs.delete(item.jobId);
    this.emitProgress({ job, recordId, patientId });
    this.emit('timelineUpdated', patientId);
    return false;
  }

  private async require(jobId: string): Promise<JobView> {
    const job = await this.get(jobId);
    if (job === null) throw new Error(`job ${jobId}: expected it in Neo4j, got nothing`);
    return job;
  }

  /**
   * Views are read after each commit, and two records of one job can finish at once, so a read may arrive late:
   * never announce a job going backwards (fewer done) or anything after its final state.
   */
  private emitProgress(event: Parameters<JobServiceEvents['progress']>[0]): void {
    const { id, done, finishedAt } = event.job;
    const last = this.lastEmitted.get(id);
    if (last && (last.final || done < last.done)) return;
    this.lastEmitted.delete(id); // re-insert: the map stays in recency order for the cap below
    this.lastEmitted.set(id, { done, final: finishedAt !== null });
    if (this.lastEmitted.size > MAX_TRACKED_JOBS) this.lastEmitted.delete(this.lastEmitted.keys().next().value!);
    this.emit('progress', event);
  }

  /** A throwing listener is logged and must not break processing or other listeners. */
  private emit<E extends keyof JobServiceEvents>(event: E, ...args: Parameters<JobServiceEvents[E]>): void {
    for (const listener of this.events.listeners(event)) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (err) {
        this.log(`jobs: ${event} listener threw ${describeFailure(err)}`);
      }
    }
  }
}
