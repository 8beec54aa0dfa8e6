/**
 * Chooses the `JobQueue` for this process from the configuration:
 * - no REDIS_URL (`serve`, `npm start`): `JobService`, everything in this process, exactly as before Redis existed;
 * - REDIS_URL, role `api`: `RedisJobQueue` (enqueue, cancel, events), no records run here;
 * - REDIS_URL, role `worker` or `all`: `RedisJobQueue` with a `RecordWorker` attached (a worker only publishes events).
 *
 * @example
 *   const jobs = await openJobQueue(config, graph.driver, pipeline, log);   // JobService when REDIS_URL is unset
 */
import type { Config } from '../config/index.js';
import type { GraphDriver } from '../graph/index.js';
import { JobService, type JobObserver } from '../jobs/index.js';
import type { RecordPipeline } from '../pipeline/index.js';
import type { JobQueue } from './job-queue.js';
import { RecordWorker } from './record-worker.js';
import { RedisJobQueue } from './redis-job-queue.js';

export async function openJobQueue(
  config: Config, driver: GraphDriver, pipeline: RecordPipeline, log: (m: string) => void, observer?: JobObserver,
): Promise<JobQueue> {
  const { role, redisUrl, queuePrefix: prefix, lockMs, attempts } = config.scale;
  if (redisUrl === null) return new JobService({ driver, pipeline, concurrency: config.jobConcurrency, groupCommit: config.groupCommit, log, ...(observer ? { observer } : {}) });
  const queue = await RedisJobQueue.open({ driver, redisUrl, prefix, attempts, log, listen: role !== 'worker' });
  if (role !== 'api') {
    queue.attachWorker(new RecordWorker({
      driver, pipeline, redis: queue.redis, bus: queue.bus, redisUrl, prefix, concurrency: config.jobConcurrency, lockMs, attempts, log,
      ...(observer ? { observer } : {}),
    }));
  }
  return queue;
}
