/**
 * `JobQueue` over Redis, for API processes (and `serve --role all` with REDIS_URL): jobs are stored in Neo4j as in
 * one process, their patients enqueued as BullMQ tokens (queue-tokens.ts) for any worker, and every process's job
 * events arrive through the Redis event bus. With a `RecordWorker` attached, this process runs records too.
 *
 * - Accepted once durable: `submit` resolves after the Neo4j commit. Enqueueing comes after it; if Redis fails there,
 *   the job is still accepted (it is durable) and workers re-enqueue it from Neo4j (reconcile), so nothing is lost.
 * - `cancel` from any node: the job's records in flight on any worker (their Redis in-flight set) finish, the rest are
 *   dropped in Neo4j; workers skip them since only QUEUED items are taken.
 * - Events: each job's states are filtered to a monotonic sequence (`JobStateFilter`); the jobs seen unfinished are
 *   re-read from Neo4j every `resyncMs` and when the Redis subscription comes back, so a final state lost on the wire
 *   still arrives.
 *
 * @example
 *   const queue = await RedisJobQueue.open({ driver, redisUrl, prefix: 'oncotimeline', attempts: 5, log });
 *   bridgeJobEvents(queue, pubsub);   // as with JobService
 *   await queue.start();
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Queue } from 'bullmq';
import type { ClinicalRecord } from '../domain/index.js';
import { NotFoundError } from '../errors/index.js';
import type { GraphDriver } from '../graph/index.js';
import {
  cancelJob, describeFailure, jobsByIds, listJobs, submitJob, type JobListArgs, type JobPage, type JobProgressEvent,
  type JobServiceEvents, type JobView,
} from '../jobs/index.js';
import type { JobQueue } from './job-queue.js';
import { JobStateFilter } from './job-state-filter.js';
import { QUEUE_NAME, submitTokenId, tokenOptions, type TokenData } from './queue-tokens.js';
import { connectRedis, redisHost, withinRedisTimeout } from './redis-connection.js';
import { RedisEventBus } from './redis-event-bus.js';
import type { RecordWorker } from './record-worker.js';
import type { Redis } from 'ioredis';
import type { Log } from '../log/index.js';

export interface RedisJobQueueOptions {
  driver: GraphDriver;
  redisUrl: string;
  prefix: string;
  attempts: number;
  log: Log;
  /** How often jobs seen unfinished are re-read from Neo4j (a lost final event still arrives). Default 5 s. */
  resyncMs?: number;
  /** Receive other processes' events (API processes); false: publish only (a worker process). Default true. */
  listen?: boolean;
}

const REDIS_TIMEOUT_MS = 5000;

export class RedisJobQueue implements JobQueue {
  private readonly events = new EventEmitter();
  private readonly filter = new JobStateFilter();
  private worker: RecordWorker | null = null;
  private resyncTimer: NodeJS.Timeout | null = null;
  private started = false;

  private constructor(
    private readonly options: RedisJobQueueOptions,
    readonly redis: Redis,
    readonly bus: RedisEventBus,
    private readonly queue: Queue<TokenData>,
  ) {
    bus.onMessage((message) => {
      if (message.kind === 'progress') this.deliver(message.event);
      else this.emit('timelineUpdated', message.patientId);
    });
    bus.onResubscribed(() => void this.resync());
  }

  /** Connects to Redis (fails with QueueUnavailableError naming the host, never the password). */
  static async open(options: RedisJobQueueOptions): Promise<RedisJobQueue> {
    const redis = await connectRedis(options.redisUrl, 10_000, 'oncotimeline-api');
    let bus: RedisEventBus;
    try {
      bus = await RedisEventBus.open({
        url: options.redisUrl, channel: `${options.prefix}:events`, log: options.log, publishOnly: options.listen === false,
      });
    } catch (err) {
      redis.disconnect();
      throw err;
    }
    const queue = new Queue<TokenData>(QUEUE_NAME, {
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.prefix,
    });
    queue.on('error', () => undefined); // reconnects by itself; submit reports a failed enqueue
    options.log(`queue: Redis at ${redisHost(options.redisUrl)} (prefix ${options.prefix})`);
    return new RedisJobQueue(options, redis, bus, queue);
  }

  /** Runs records in this process too (`serve --role all` with REDIS_URL); started and stopped with the queue. */
  attachWorker(worker: RecordWorker): void {
    this.worker = worker;
  }

  async submit(records: readonly ClinicalRecord[]): Promise<JobView> {
    if (records.length === 0) throw new TypeError('records: expected at least one record, got 0');
    const jobId = randomUUID();
    await submitJob(this.options.driver, jobId, records, new Date().toISOString(), this.options.prefix);
    this.options.log(`jobs: job ${jobId} accepted ${records.length} records`);
    const view = await this.require(jobId);
    this.announce({ job: view, recordId: null, patientId: null });
    const patients = [...new Set(records.map((r) => r.patientId))];
    try {
      await withinRedisTimeout(this.queue.addBulk(patients.map((patientId) => ({
        name: 'patient',
        data: { patientId, jobIds: [jobId] },
        opts: tokenOptions(submitTokenId(jobId, patientId), this.options.attempts, patientId),
      }))), REDIS_TIMEOUT_MS, redisHost(this.options.redisUrl));
    } catch (err) {
      // Stored in Neo4j already: accepted. Workers re-enqueue waiting records from Neo4j (reconcile).
      this.options.log(`queue: job ${jobId} stored but not enqueued (${describeFailure(err)}); workers will pick it up from Neo4j`);
    }
    return view;
  }

  async get(id: string): Promise<JobView | null> {
    const job = (await jobsByIds(this.options.driver, [id]))[0] ?? null;
    if (job && job.finishedAt === null) this.filter.track(job); // its follower gets the final state even if that event is lost
    return job;
  }

  getMany(ids: readonly string[]): Promise<(JobView | null)[]> {
    return jobsByIds(this.options.driver, ids);
  }

  list(args: JobListArgs): Promise<JobPage> {
    return listJobs(this.options.driver, args);
  }

  async cancel(jobId: string): Promise<JobView> {
    const before = await this.get(jobId);
    if (before === null) throw new NotFoundError('Job', jobId);
    if (before.finishedAt !== null) return before;
    const running = await withinRedisTimeout(this.redis.hkeys(`${this.options.prefix}:inflight:${jobId}`), REDIS_TIMEOUT_MS,
      redisHost(this.options.redisUrl));
    const cancelled = await cancelJob(this.options.driver, jobId, running, new Date().toISOString());
    const job = await this.require(jobId);
    if (cancelled !== null) {
      this.options.log(`jobs: job ${jobId} cancelled: ${cancelled} queued records dropped, ${running.length} in flight finish`);
    }
    this.announce({ job, recordId: null, patientId: null });
    return job;
  }

  on<E extends keyof JobServiceEvents>(event: E, listener: JobServiceEvents[E]): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.worker?.start();
    if (this.options.listen === false) return;
    const resyncMs = this.options.resyncMs ?? 5000;
    this.resyncTimer = setInterval(() => void this.resync(), resyncMs);
    this.resyncTimer.unref();
  }

  async stop(options: { graceMs?: number } = {}): Promise<{ finished: number; abandoned: number }> {
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.started = false;
    const result = (await this.worker?.stop(options)) ?? { finished: 0, abandoned: 0 };
    await this.queue.close();
    await this.bus.close();
    await this.redis.quit().catch(() => undefined);
    return result;
  }

  /** No token waiting or active anywhere (needs a worker somewhere to become true). */
  async idle(): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Redis answers (readiness). */
  ping(): Promise<void> {
    return withinRedisTimeout(this.redis.ping().then(() => undefined), REDIS_TIMEOUT_MS, redisHost(this.options.redisUrl));
  }

  /** Waiting, running and delayed patient tokens, and dead-lettered ones (metrics). */
  tokenCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'failed');
  }

  /** Delivered here at once (Redis may be away) and to every other process through the bus. */
  private announce(event: JobProgressEvent): void {
    this.deliver(event);
    this.bus.publish({ kind: 'progress', event });
  }

  private deliver(event: JobProgressEvent): void {
    if (this.filter.accept(event.job)) this.emit('progress', event);
  }

  /** Re-reads the jobs seen unfinished; whatever changed is delivered (missed events, typically a final state). */
  private async resync(): Promise<void> {
    const ids = this.filter.openJobs();
    if (ids.length === 0 || !this.options.driver.available) return;
    try {
      for (const job of await jobsByIds(this.options.driver, ids)) {
        if (job) this.deliver({ job, recordId: null, patientId: null });
      }
    } catch (err) {
      this.options.log(`events: re-reading ${ids.length} unfinished jobs failed (${describeFailure(err)})`);
    }
  }

  private async require(jobId: string): Promise<JobView> {
    const job = (await jobsByIds(this.options.driver, [jobId]))[0];
    if (!job) throw new Error(`job ${jobId}: expected it in Neo4j, got nothing`);
    return job;
  }

  /** A throwing listener is logged and must not break the others. */
  private emit<E extends keyof JobServiceEvents>(event: E, ...args: Parameters<JobServiceEvents[E]>): void {
    for (const listener of this.events.listeners(event)) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (err) {
        this.options.log(`jobs: ${event} listener threw ${describeFailure(err)}`);
      }
    }
  }
}
