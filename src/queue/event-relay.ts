/**
 * Publishes the events of an in-process `JobService` to the Redis event bus, so API processes' subscribers see a job
 * that ran elsewhere, e.g. `oncotimeline ingest` with REDIS_URL set (its records still run in the CLI process).
 *
 * @example
 *   const relay = await relayJobEvents(service, { url, prefix: 'oncotimeline', log });
 *   ...; await relay.close();
 */
import type { JobServiceEvents } from '../jobs/index.js';
import { RedisEventBus } from './redis-event-bus.js';
import type { Log } from '../log/index.js';

interface EventSource {
  on<E extends keyof JobServiceEvents>(event: E, listener: JobServiceEvents[E]): () => void;
}

export async function relayJobEvents(source: EventSource, options: { url: string; prefix: string; log: Log }): Promise<{ close(): Promise<void> }> {
  const bus = await RedisEventBus.open({ url: options.url, channel: `${options.prefix}:events`, log: options.log, publishOnly: true });
  const offProgress = source.on('progress', (event) => bus.publish({ kind: 'progress', event }));
  const offTimeline = source.on('timelineUpdated', (patientId) => bus.publish({ kind: 'timeline', patientId }));
  return {
    close: async () => {
      offProgress();
      offTimeline();
      await bus.close();
    },
  };
}
