/** Public surface of the queue layer: one `JobQueue` interface, in-process (src/jobs) or over Redis (this folder). */
export type { JobQueue } from './job-queue.js';
export { openJobQueue } from './open-job-queue.js';
export { RedisJobQueue, type RedisJobQueueOptions } from './redis-job-queue.js';
export { RecordWorker, POISON_STALLS, type RecordWorkerDeps } from './record-worker.js';
export { RedisEventBus, type BusMessage } from './redis-event-bus.js';
export { QueueUnavailableError } from './queue-unavailable.error.js';
export { redisHost } from './redis-connection.js';
export { startWorkerHealthServer, type WorkerHealthServer } from './worker-health.server.js';
export { relayJobEvents } from './event-relay.js';
export { QueueMetrics, type MetricSources } from './queue-metrics.js';
