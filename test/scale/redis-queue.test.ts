/**
 * The Redis `JobQueue` in one test process: several "nodes" (RedisJobQueue instances, some with a RecordWorker) over
 * one real Redis and the test Neo4j. Per-patient recordedAt order across two workers, cancel from another node,
 * retries then the dead-letter state in the API, events of a job and of a CLI-style in-process run on another node.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import type { JobProgressEvent, JobView } from '../../src/jobs/index.js';
import type { RecordPipeline } from '../../src/pipeline/index.js';
import { QueueUnavailableError, RecordWorker, RedisJobQueue, relayJobEvents } from '../../src/queue/index.js';
import { newService, record } from '../jobs/job-test-kit.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { testPipeline } from '../helpers/test-pipeline.js';
import { redisAvailable, startRedisServer, type TestRedis } from './helpers/redis-server.js';

const canRun = redisAvailable();
if (!canRun && process.env['CI'] === '1') throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

describe.skipIf(!canRun)('RedisJobQueue and RecordWorker', () => {
  let redis: TestRedis;
  let driver: GraphDriver;
  const open: RedisJobQueue[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    driver = await testDriver();
  }, 120_000);

  afterAll(async () => {
    for (const node of open) await node.stop({ graceMs: 0 }).catch(() => undefined);
    await driver?.close();
    await redis?.stop();
  });

  /** A node: API only, or with a worker running `pipeline` over `graph` (default: the test driver). */
  async function node(prefix: string, worker?: { pipeline: RecordPipeline; graph?: GraphDriver; attempts?: number }): Promise<RedisJobQueue> {
    const attempts = worker?.attempts ?? 3;
    const queue = await RedisJobQueue.open({ driver, redisUrl: redis.url, prefix, attempts, log: () => undefined, resyncMs: 300 });
    if (worker) {
      queue.attachWorker(new RecordWorker({
        driver: worker.graph ?? driver, pipeline: worker.pipeline, redis: queue.redis, bus: queue.bus, redisUrl: redis.url, prefix,
        concurrency: 2, lockMs: 2000, attempts, log: () => undefined,
      }));
    }
    open.push(queue);
    return queue;
  }

  function finalOf(queue: RedisJobQueue, jobId: string, timeoutMs = 60_000): Promise<JobView> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`job ${jobId}: no final state within ${timeoutMs} ms`)), timeoutMs);
      const off = queue.on('progress', (e: JobProgressEvent) => {
        if (e.job.id === jobId && e.job.finishedAt !== null) {
          clearTimeout(timer);
          off();
          resolve(e.job);
        }
      });
    });
  }

  it('runs one patient\'s records in recordedAt order across two workers, each once', async () => {
    const prefix = uniqueId('q');
    const order: string[] = [];
    const recording = (): RecordPipeline => {
      const inner = testPipeline();
      return { ...inner, run: async (input) => {
        order.push(input.recordedAt);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return inner.run(input);
      } };
    };
    const api = await node(prefix);
    await api.start();
    const patient = uniqueId('patient');
    const dates = ['2020-05-01', '2019-01-10', '2021-03-03', '2018-07-07', '2020-01-01', '2019-09-09'];
    const first = await api.submit(dates.slice(0, 3).map((d) => record(patient, '行根治术，术后化疗。', d)));
    const second = await api.submit(dates.slice(3).map((d) => record(patient, '复查CT。', d)));
    const done = [finalOf(api, first.id), finalOf(api, second.id)];
    // Workers start after both calls are queued: the order is then fully defined by recordedAt.
    const workers = [await node(prefix, { pipeline: recording() }), await node(prefix, { pipeline: recording() })];
    await Promise.all(workers.map((w) => w.start()));
    const views = await Promise.all(done);
    expect(views.map((v) => v.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(order).toEqual([...dates].sort());
  });

  it('cancels from another node: records in flight finish, the rest are dropped, every node hears CANCELLED', async () => {
    const prefix = uniqueId('q');
    const slow = (): RecordPipeline => {
      const inner = testPipeline();
      return { ...inner, run: async (input) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return inner.run(input);
      } };
    };
    const a = await node(prefix, { pipeline: slow() });
    const b = await node(prefix);
    await Promise.all([a.start(), b.start()]);
    const patient = uniqueId('patient');
    const job = await a.submit(Array.from({ length: 6 }, (_, i) => record(patient, '复查血常规。', `2020-01-0${i + 1}`)));
    const heardOnA = finalOf(a, job.id);
    const heardOnB = finalOf(b, job.id);
    await new Promise<void>((resolve) => {
      const off = b.on('progress', (e) => {
        if (e.job.id === job.id && e.job.done >= 1) {
          off();
          resolve();
        }
      });
    });
    const cancelled = await b.cancel(job.id);
    expect(cancelled.cancelled).toBeGreaterThan(0);
    const [onA, onB] = await Promise.all([heardOnA, heardOnB]);
    for (const view of [onA, onB]) {
      expect(view.status).toBe('CANCELLED');
      expect(view.done + view.cancelled).toBe(6);
      expect(view.done).toBeGreaterThanOrEqual(1);
    }
  });

  it('hands a stopping worker\'s patient to another worker: the record in flight finishes, the rest run there, once each', async () => {
    const prefix = uniqueId('q');
    const runs = { a: 0, b: 0 };
    const counting = (name: 'a' | 'b'): RecordPipeline => {
      const inner = testPipeline();
      return { ...inner, run: async (input) => {
        runs[name] += 1;
        await new Promise((resolve) => setTimeout(resolve, 150));
        return inner.run(input);
      } };
    };
    const a = await node(prefix, { pipeline: counting('a') });
    await a.start();
    const patient = uniqueId('patient');
    const job = await a.submit(Array.from({ length: 6 }, (_, i) => record(patient, '复查CT。', `2021-0${i + 1}-01`)));
    await new Promise<void>((resolve) => {
      const off = a.on('progress', (e) => {
        if (e.job.id === job.id && e.job.done >= 2) {
          off();
          resolve();
        }
      });
    });
    const stopped = await a.stop({ graceMs: 5000 });
    expect(stopped.abandoned).toBe(0);
    const mid = (await driver.read('jobs-by-ids', { ids: [job.id] }))[0]!.get('job') as { done: number; status: string };
    expect(mid.status).toBe('RUNNING');
    expect(mid.done).toBe(runs.a);
    const b = await node(prefix, { pipeline: counting('b') });
    const done = finalOf(b, job.id);
    await b.start();
    expect(await done).toMatchObject({ status: 'SUCCEEDED', done: 6, failed: 0 });
    expect(runs.a + runs.b).toBe(6);
    expect(runs.b).toBeGreaterThan(0);
  });

  it('retries a record whose processing throws, then dead-letters it: FAILED with RETRIES_EXHAUSTED in the job', async () => {
    const prefix = uniqueId('q');
    let failures = 4; // two attempts × (the write, then the failure's write); the dead-letter write goes through
    const flaky = new Proxy(driver, {
      get(target, key, receiver) {
        if (key === 'writeTransaction') {
          return (work: Parameters<GraphDriver['writeTransaction']>[0]) => {
            if (failures > 0) {
              failures -= 1;
              return Promise.reject(new Error('disk on fire'));
            }
            return target.writeTransaction(work);
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const worker = await node(prefix, { pipeline: testPipeline(), graph: flaky, attempts: 2 });
    await worker.start();
    const patient = uniqueId('patient');
    const job = await worker.submit([record(patient, '左乳癌。', '2020-01-01'), record(patient, '发热。', '2020-02-01')]);
    const view = await finalOf(worker, job.id);
    expect(view).toMatchObject({ status: 'PARTIAL', done: 2, failed: 1 });
    expect(view.errors).toEqual([{ recordId: expect.any(String), code: 'RETRIES_EXHAUSTED', message: 'RetriesExhausted (Error)' }]);
    expect(failures).toBe(0);
  });

  it('delivers an in-process run\'s events (oncotimeline ingest with REDIS_URL) to another node', async () => {
    const prefix = uniqueId('q');
    const api = await node(prefix);
    await api.start();
    const service = newService(driver);
    const relay = await relayJobEvents(service, { url: redis.url, prefix, log: () => undefined });
    await service.start();
    const patient = uniqueId('patient');
    const job = await service.submit([record(patient, '行根治术。', '2020-01-01')]);
    await expect(finalOf(api, job.id)).resolves.toMatchObject({ status: 'SUCCEEDED', done: 1 });
    await service.stop();
    await relay.close();
  });

  it('fails fast with QUEUE_UNAVAILABLE when Redis does not answer, naming the host only', async () => {
    const error = await RedisJobQueue.open({ driver, redisUrl: 'redis://:secret@127.0.0.1:1', prefix: 'x', attempts: 1, log: () => undefined })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueUnavailableError);
    expect((error as QueueUnavailableError).code).toBe('QUEUE_UNAVAILABLE');
    expect((error as Error).message).toBe('the job queue (Redis at 127.0.0.1:1) is unavailable; try again shortly');
  });
});
