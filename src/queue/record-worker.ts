/**
 * The worker side of a multi-process deployment: a BullMQ `Worker` whose processor takes a patient token
 * (queue-tokens.ts), locks the patient (patient-lock.ts), and runs the patient's waiting records one by one, earliest
 * `recordedAt` first, through the same `processRecord` as one process does: pipeline, then ONE Neo4j transaction that
 * stores the extraction and finishes the job item. Events go to the Redis event bus.
 *
 * Guarantees, and where they come from:
 * - at-least-once: a token is removed only when its processor returns; a SIGKILLed worker stops renewing BullMQ's lock
 *   and the patient lock, both expire after `lockMs`, BullMQ's stalled check puts the token back, another worker
 *   takes it and finds the cut-off record still QUEUED in Neo4j;
 * - exactly-once storage: `finish-items` commits only a QUEUED item, in the record's own transaction, so a record
 *   redone after a crash is stored once (a second commit rolls back);
 * - order: one holder per patient, records taken in Neo4j's order (next-patient-item.cypher);
 * - retries: Neo4j away is waited out (not an attempt, as in one process); anything else thrown fails the attempt and
 *   BullMQ retries the token with exponential backoff; on the last attempt the record is dead-lettered instead
 *   (FAILED, `RETRIES_EXHAUSTED`, visible in `job.errors` and as the record's status) and the patient goes on. A
 *   record whose worker died under it twice (`POISON_STALLS`) is dead-lettered too, so one poison record cannot stop
 *   its patient or crash workers forever.
 *
 * @example
 *   const worker = new RecordWorker({ driver, pipeline, redis, bus, redisUrl, prefix, concurrency: 2, lockMs, attempts, log });
 *   await worker.start();   // re-enqueues patients with waiting records, then takes tokens
 *   await worker.stop({ graceMs: 5000 });
 */
import { hostname } from 'node:os';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { GraphDriver } from '../graph/index.js';
import {
  StageError, describeFailure, failItem, isUnavailable, itemId, jobsByIds, markJobRunning, nextPatientItem, processRecord,
  queuedPatients, requeueItem, signal, type JobItem, type JobObserver,
} from '../jobs/index.js';
import type { RecordPipeline } from '../pipeline/index.js';
import { PatientLocks, type HeldLock } from './patient-lock.js';
import { QUEUE_NAME, reconcileTokenId, tokenOptions, type TokenData } from './queue-tokens.js';
import type { RedisEventBus } from './redis-event-bus.js';

/** `host:pid` of this process, as recorded against the records it has in flight. */
export const WORKER_ID = `${hostname()}:${process.pid}`;

/** An in-process job (no queue) idle this long has no single process running it any more: workers adopt it. */
const ORPHAN_IDLE_MS = 10 * 60_000;

/** Times a worker may die under one record before it is dead-lettered. */
export const POISON_STALLS = 2;

export interface RecordWorkerDeps {
  driver: GraphDriver;
  pipeline: RecordPipeline;
  /** For patient locks and in-flight sets (not BullMQ's own connections, which it opens from `redisUrl`). */
  redis: Redis;
  bus: RedisEventBus;
  redisUrl: string;
  prefix: string;
  /** Tokens (patients) processed at once by this process. */
  concurrency: number;
  /** BullMQ lock and patient lock time-out: how long a killed worker's patient waits before another takes it. */
  lockMs: number;
  attempts: number;
  log: (message: string) => void;
  /** Metrics hooks (records finished, transaction retries). */
  observer?: JobObserver;
}

/** Thrown inside the processor to hand the token back (stopping, patient busy, lock lost): no attempt is counted. */
class HandBack extends Error {}

export class RecordWorker {
  private worker: Worker<TokenData> | null = null;
  private readonly queue: Queue<TokenData>;
  private readonly locks: PatientLocks;
  private readonly runningJobs = new Set<string>();
  private reconcileTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private stopSignal = signal();
  private active = 0;

  constructor(private readonly deps: RecordWorkerDeps) {
    this.queue = new Queue<TokenData>(QUEUE_NAME, { connection: connection(deps.redisUrl), prefix: deps.prefix });
    this.queue.on('error', () => undefined); // reconnects by itself
    this.locks = new PatientLocks(deps.redis, deps.prefix, deps.lockMs);
  }

  /** Records being processed by this process now. */
  get inFlight(): number {
    return this.active;
  }

  async start(): Promise<void> {
    if (this.worker) return;
    this.stopping = false;
    this.stopSignal = signal();
    const queued = await this.reconcile(null);
    this.worker = new Worker<TokenData>(QUEUE_NAME, (job, token) => this.processToken(job, token), {
      connection: connection(this.deps.redisUrl),
      prefix: this.deps.prefix,
      concurrency: this.deps.concurrency,
      lockDuration: this.deps.lockMs,
      stalledInterval: Math.max(500, Math.floor(this.deps.lockMs / 2)),
      maxStalledCount: 1000, // poison records are dead-lettered by the processor (POISON_STALLS), not the token
      drainDelay: 1,
    });
    this.worker.on('error', (err) => this.deps.log(`queue: worker error ${describeFailure(err)}`));
    this.worker.on('failed', (job, err) => {
      if (!job) return;
      this.deps.log(`queue: patient token ${job.id ?? '?'} attempt ${job.attemptsMade}/${this.deps.attempts} failed: ${describeFailure(err)}`);
      if (job.attemptsMade >= this.deps.attempts) void this.enqueuePatient(job.data.patientId, job.data.jobIds);
    });
    this.worker.on('stalled', (id) => this.deps.log(`queue: patient token ${id} stalled (its worker stopped); taken over`));
    // Lost tokens (Redis flushed, a crash between the Neo4j commit and the enqueue) are rebuilt from Neo4j.
    const idleMs = Math.max(120_000, 4 * this.deps.lockMs);
    this.reconcileTimer = setInterval(() => {
      void this.reconcile(new Date(Date.now() - idleMs).toISOString()).catch(() => undefined);
    }, idleMs);
    this.reconcileTimer.unref();
    this.deps.log(`queue: worker started (concurrency ${this.deps.concurrency}); ${queued} patients with waiting records enqueued`);
  }

  /**
   * Takes no more tokens; records in flight get `graceMs` to finish. After that, Neo4j writes are refused so they stay
   * QUEUED, and their tokens return to the queue when their locks expire (another worker, or this one's next start).
   */
  async stop(options: { graceMs?: number } = {}): Promise<{ finished: number; abandoned: number }> {
    this.stopping = true;
    this.stopSignal.resolve();
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    const running = this.active;
    const worker = this.worker;
    this.worker = null;
    let abandoned = 0;
    if (worker) {
      const graceMs = options.graceMs ?? Number.POSITIVE_INFINITY;
      let timer: NodeJS.Timeout | undefined;
      const expired = Number.isFinite(graceMs) ? new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))) : null;
      const closed = worker.close().then(() => true);
      const clean = expired ? await Promise.race([closed, expired]) : await closed;
      clearTimeout(timer);
      if (!clean) {
        abandoned = this.active;
        this.deps.driver.refuseWrites();
        await worker.close(true);
      }
    }
    await this.queue.close();
    return { finished: running - abandoned, abandoned };
  }

  /** Resolves when the queue holds no token waiting, delayed or active (tests, the bench). */
  async idle(pollMs = 200): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Adds one token per patient with waiting records (of jobs idle since `idleBefore`, or all); returns how many. */
  private async reconcile(idleBefore: string | null): Promise<number> {
    const orphanBefore = new Date(Date.now() - ORPHAN_IDLE_MS).toISOString();
    const patients = await queuedPatients(this.deps.driver, this.deps.prefix, idleBefore, orphanBefore);
    const windowMs = Math.max(120_000, 4 * this.deps.lockMs);
    await this.queue.addBulk(patients.map((p) => ({
      name: 'patient',
      data: { patientId: p.patientId, jobIds: p.jobIds },
      opts: tokenOptions(reconcileTokenId(p.patientId, windowMs), this.deps.attempts, p.patientId),
    })));
    return patients.length;
  }

  private async enqueuePatient(patientId: string, jobIds: string[]): Promise<void> {
    try {
      await this.queue.add('patient', { patientId, jobIds }, tokenOptions(reconcileTokenId(patientId, 1000), this.deps.attempts, patientId));
    } catch (err) {
      this.deps.log(`queue: could not re-enqueue a patient (${describeFailure(err)}); the periodic reconcile will`);
    }
  }

  private async processToken(job: Job<TokenData>, token: string | undefined): Promise<void> {
    const { patientId } = job.data;
    let lock: HeldLock | null = null;
    try {
      if (this.stopping) throw new HandBack();
      lock = await this.locks.tryAcquire(patientId);
      if (lock === null) return await this.handBack(job, token, 200 + Math.floor(Math.random() * 600)); // another worker has the patient
      // A run cut off by a crash may have committed a record without announcing it: announce what this token touched.
      if (job.stalledCounter > 0 || job.attemptsMade > 0) {
        await this.announce([...job.data.jobIds, ...(job.data.current ? [job.data.current.jobId] : [])]);
      }
      for (;;) {
        if (this.stopping || !lock.held || !(await this.untilNeo4j())) throw new HandBack();
        const item = await nextPatientItem(this.deps.driver, patientId);
        if (item === null) return;
        const key = itemId(item.jobId, item.record.recordId);
        const current = job.data.current;
        if (current?.itemId === key && job.stalledCounter - current.stalls >= POISON_STALLS) {
          await this.deadLetter(item, 'WORKER_LOST', `its worker stopped ${job.stalledCounter - current.stalls} times while processing it`);
          continue;
        }
        if (current?.itemId !== key) {
          job.data.current = { jobId: item.jobId, itemId: key, stalls: job.stalledCounter };
          await job.updateData(job.data);
        }
        try {
          await this.runItem(item);
        } catch (err) {
          if (err instanceof HandBack) throw err;
          if (job.attemptsMade < this.deps.attempts - 1) throw err; // BullMQ retries the token after a backoff
          await this.deadLetter(item, err instanceof Error ? err.name : 'Error', `${describeFailure(err)} on each of ${this.deps.attempts} attempts`);
        }
      }
    } catch (err) {
      if (err instanceof HandBack) return await this.handBack(job, token, 0);
      throw err;
    } finally {
      await lock?.release();
    }
  }

  /** Back to the delayed set (promoted after `delayMs`) without counting an attempt. */
  private async handBack(job: Job<TokenData>, token: string | undefined, delayMs: number): Promise<never> {
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  }

  /** One record, as `JobService.run` does in one process: Neo4j away is waited out and the record redone. */
  private async runItem(item: JobItem): Promise<void> {
    const { jobId } = item;
    const { recordId, patientId } = item.record;
    const inflight = `${this.deps.prefix}:inflight:${jobId}`;
    const key = itemId(jobId, recordId);
    // cancelJob on any node keeps the records in this hash running (they finish) and drops the rest. The value says
    // which worker: an entry left by a killed worker shows what it was cut off in (logs, tests).
    await this.deps.redis.multi().hset(inflight, key, WORKER_ID).pexpire(inflight, 86_400_000).exec();
    this.active += 1;
    try {
      if (!this.runningJobs.has(jobId)) {
        if (await markJobRunning(this.deps.driver, jobId, new Date().toISOString())) await this.announce([jobId]);
        this.rememberRunning(jobId);
      }
      for (;;) {
        try {
          const observer = this.deps.observer;
          const started = performance.now();
          const outcome = await processRecord({
            driver: this.deps.driver, pipeline: this.deps.pipeline, ...(observer ? { onTransactionRetry: () => observer.transactionRetried() } : {}),
          }, item);
          if (outcome === null) return await this.announce([jobId]); // finished by an earlier run (or cancelled)
          if (outcome.status === 'FAILED' && outcome.error?.message.startsWith('ServiceUnavailableError')) {
            if (!(await this.untilNeo4j())) throw new HandBack();
            await requeueItem(this.deps.driver, item, new Date().toISOString());
            continue;
          }
          observer?.recordFinished(outcome.status, (performance.now() - started) / 1000);
          this.deps.log(`jobs: job ${jobId} record ${recordId} ${outcome.status} (${outcome.entities} entities${
            outcome.error ? `, ${outcome.error.code}` : ''})`);
          await this.announce([jobId], { recordId, patientId });
          this.deps.bus.publish({ kind: 'timeline', patientId });
          return;
        } catch (err) {
          if (err instanceof HandBack || this.stopping || !isUnavailable(err, this.deps.driver.available)) throw err;
          if (!(await this.untilNeo4j())) throw new HandBack();
        }
      }
    } finally {
      this.active -= 1;
      await this.deps.redis.hdel(inflight, key).catch(() => undefined);
    }
  }

  /** `code` (a class name or WORKER_LOST) goes into the record's error message; `why` only into the log. */
  private async deadLetter(item: JobItem, code: string, why: string): Promise<void> {
    const error = new StageError('RETRIES_EXHAUSTED', new RetriesExhausted(code));
    const outcome = await failItem({ driver: this.deps.driver, pipeline: this.deps.pipeline }, item, error, new Date().toISOString());
    this.deps.log(`jobs: job ${item.jobId} record ${item.record.recordId} dead-lettered (RETRIES_EXHAUSTED: ${why})`);
    if (outcome !== null) {
      this.deps.observer?.recordFinished('FAILED', 0);
      await this.announce([item.jobId], { recordId: item.record.recordId, patientId: item.record.patientId });
    }
  }

  /** Publishes the current state of each job (the bus's receivers drop states that are not news). */
  private async announce(jobIds: string[], cause: { recordId: string; patientId: string } | null = null): Promise<void> {
    const views = await jobsByIds(this.deps.driver, [...new Set(jobIds)]);
    for (const job of views) {
      if (job === null) continue;
      if (job.finishedAt !== null) this.runningJobs.delete(job.id);
      this.deps.bus.publish({ kind: 'progress', event: { job, recordId: cause?.recordId ?? null, patientId: cause?.patientId ?? null } });
    }
  }

  private rememberRunning(jobId: string): void {
    this.runningJobs.add(jobId);
    if (this.runningJobs.size > 10_000) this.runningJobs.delete(this.runningJobs.values().next().value!);
  }

  /** Waits while Neo4j is away; false when stopping instead. */
  private async untilNeo4j(): Promise<boolean> {
    while (!this.deps.driver.available && !this.stopping) {
      await Promise.race([this.deps.driver.whenAvailable(), this.stopSignal.promise]);
    }
    return !this.stopping;
  }
}

/** What a dead-lettered record's error says: `RetriesExhausted (WORKER_LOST)`, `RetriesExhausted (TypeError)`. */
class RetriesExhausted extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'RetriesExhausted';
  }
}

function connection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}
