/**
 * Job events between processes over Redis pub/sub (ioredis, one channel): workers and `oncotimeline ingest` publish,
 * every API process subscribes and feeds its own `CoalescingPubSub` (src/api/topics.ts), which keeps coalescing
 * and bounding per-subscriber buffers as in one process.
 *
 * Pub/sub is fire-and-forget: a message published while a subscriber is disconnected is lost. The bus therefore
 * tells its owner when the subscription is back (`onResubscribed`), and `RedisJobQueue` then re-reads the jobs it saw
 * unfinished from Neo4j (as it also does periodically), so a final state is never lost for good.
 * Messages carry ids, counts, statuses and error codes: never record text.
 *
 * @example
 *   const bus = await RedisEventBus.open({ url, channel: 'oncotimeline:events', log });
 *   bus.onMessage((m) => m.kind === 'progress' && console.log(m.event.job.done));
 *   bus.publish({ kind: 'timeline', patientId: 'P001' });
 */
import type { Redis } from 'ioredis';
import type { JobProgressEvent } from '../jobs/index.js';
import { connectRedis } from './redis-connection.js';
import type { Log } from '../log/index.js';

export type BusMessage =
  | { kind: 'progress'; event: JobProgressEvent }
  | { kind: 'timeline'; patientId: string };

export interface EventBusOptions {
  url: string;
  channel: string;
  log: Log;
  /** Only publish (the CLI): no subscriber connection. */
  publishOnly?: boolean;
  connectTimeoutMs?: number;
}

export class RedisEventBus {
  private readonly listeners = new Set<(message: BusMessage) => void>();
  private readonly resubscribed = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis | null,
    private readonly options: EventBusOptions,
  ) {}

  static async open(options: EventBusOptions): Promise<RedisEventBus> {
    const timeout = options.connectTimeoutMs ?? 10_000;
    const publisher = await connectRedis(options.url, timeout, 'oncotimeline-events-pub');
    if (options.publishOnly) return new RedisEventBus(publisher, null, options);
    let subscriber: Redis;
    try {
      subscriber = await connectRedis(options.url, timeout, 'oncotimeline-events-sub');
    } catch (err) {
      publisher.disconnect();
      throw err;
    }
    const bus = new RedisEventBus(publisher, subscriber, options);
    await subscriber.subscribe(options.channel);
    subscriber.on('message', (channel: string, text: string) => {
      if (channel === options.channel) bus.dispatch(text);
    });
    // ioredis re-subscribes by itself after a reconnect; what was published in between is gone, so say so.
    let firstReady = true;
    subscriber.on('ready', () => {
      if (firstReady) return void (firstReady = false);
      options.log('events: Redis subscription restored; re-reading unfinished jobs');
      for (const fn of bus.resubscribed) fn();
    });
    firstReady = subscriber.status !== 'ready';
    return bus;
  }

  /** Never throws and never waits for Redis: a publish lost to an outage is made up by the owner's re-read. */
  publish(message: BusMessage): void {
    if (this.closed) return;
    this.publisher.publish(this.options.channel, JSON.stringify(message)).catch((err: unknown) => {
      this.options.log(`events: publish failed (${err instanceof Error ? err.name : 'error'})`);
    });
  }

  onMessage(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onResubscribed(listener: () => void): () => void {
    this.resubscribed.add(listener);
    return () => this.resubscribed.delete(listener);
  }

  /** Redis answers (readiness). */
  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber?.quit()]);
  }

  private dispatch(text: string): void {
    const message = parseMessage(text);
    if (message === null) {
      this.options.log(`events: ignored a malformed message (${text.length} characters)`);
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (err) {
        this.options.log(`events: listener threw ${err instanceof Error ? err.name : 'error'}`);
      }
    }
  }
}

function parseMessage(text: string): BusMessage | null {
  try {
    const value = JSON.parse(text) as Partial<Record<string, unknown>>;
    if (value['kind'] === 'timeline' && typeof value['patientId'] === 'string') return { kind: 'timeline', patientId: value['patientId'] };
    const event = value['event'] as Partial<JobProgressEvent> | undefined;
    if (value['kind'] === 'progress' && event && typeof event.job?.id === 'string' && typeof event.job.status === 'string') {
      return { kind: 'progress', event: event as JobProgressEvent };
    }
  } catch {
    // not JSON: reported by the caller
  }
  return null;
}
