/**
 * A `PubSub` (type-graphql's interface) whose subscribers can never overflow or stall the publisher.
 *
 * Why not `createPubSub` from `@graphql-yoga/subscription`: its Repeater is unbuffered, and more than 1024 unconsumed
 * events for one slow subscriber throw `RepeaterOverflowError` from `process.nextTick`, which kills the process.
 *
 * Here every subscriber owns a queue *keyed* by its topic's `key(payload)` (a job id, a patient id). Publishing is O(1)
 * per subscriber and never waits: a new payload replaces a still-queued payload of the same key (and moves to the back),
 * so a slow subscriber sees fewer intermediate states but always the latest one of every key, in per-key order.
 * Payloads for which `isFinal(payload)` holds are never evicted; when more than `capacity` keys are queued the oldest
 * non-final entry is dropped, so memory stays bounded by `capacity` plus the number of final states not yet read.
 *
 * @example
 *   const pubsub = new CoalescingPubSub({ JOB: { key: (j: JobView) => j.id, isFinal: (j) => j.finishedAt !== null } });
 *   const events = pubsub.subscribe('JOB', 'j1');         // registered now, before the first next()
 *   pubsub.publish('JOB', 'j1', { id: 'j1', done: 1, ... });
 *   pubsub.publish('JOB', 'j1', { id: 'j1', done: 2, ... });
 *   await events.next();                                 // { value: { id: 'j1', done: 2, ... }, done: false }
 */
import type { PubSub } from 'type-graphql';

export interface TopicPolicy<T = unknown> {
  /** Payloads with the same key coalesce in a subscriber's queue. */
  key(payload: T): string;
  /** A final payload is never dropped. */
  isFinal(payload: T): boolean;
}

const DEFAULT_CAPACITY = 1000;

export class CoalescingPubSub implements PubSub {
  private readonly routes = new Map<string, Set<KeyedStream<unknown>>>();

  constructor(
    private readonly policies: Readonly<Record<string, TopicPolicy<never>>>,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** `publish(topic, payload)` or `publish(topic, id, payload)` (the id selects subscribers of `subscribe(topic, id)`). */
  publish(topic: string, ...args: unknown[]): void {
    const [id, payload] = args.length >= 2 ? [args[0], args[1]] : [undefined, args[0]];
    for (const stream of this.routes.get(route(topic, id)) ?? []) stream.push(payload);
  }

  /** Registers immediately (not on the first `next()`), so nothing published after this call is missed. */
  subscribe(topic: string, id?: unknown): KeyedStream<unknown> {
    const policy = this.policies[topic] as TopicPolicy<unknown> | undefined;
    if (!policy) throw new TypeError(`unknown topic '${topic}', expected one of ${Object.keys(this.policies).join(', ')}`);
    const key = route(topic, id);
    const stream: KeyedStream<unknown> = new KeyedStream(policy, this.capacity, () => {
      const set = this.routes.get(key);
      set?.delete(stream);
      if (set?.size === 0) this.routes.delete(key);
    });
    let set = this.routes.get(key);
    if (!set) this.routes.set(key, (set = new Set()));
    set.add(stream);
    return stream;
  }

  /** Number of live subscriptions (for tests and shutdown). */
  get subscriberCount(): number {
    let n = 0;
    for (const set of this.routes.values()) n += set.size;
    return n;
  }

  /** Ends every subscription (server shutdown). */
  closeAll(): void {
    for (const set of [...this.routes.values()]) for (const stream of [...set]) void stream.return();
  }
}

function route(topic: string, id: unknown): string {
  return id === undefined || id === null ? topic : `${topic}:${String(id)}`;
}

/** One subscriber's coalescing queue, consumed as an async iterator. */
export class KeyedStream<T> implements AsyncIterableIterator<T> {
  private readonly queue = new Map<string, T>();
  private readonly waiters: Array<(result: IteratorResult<T, undefined>) => void> = [];
  private closed = false;

  constructor(
    private readonly policy: TopicPolicy<T>,
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  push(payload: T): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter({ value: payload, done: false });
      return;
    }
    const key = this.policy.key(payload);
    this.queue.delete(key);
    this.queue.set(key, payload);
    if (this.queue.size > this.capacity) this.evictOldestNonFinal();
  }

  /** Queued entries (for tests). */
  get pending(): number {
    return this.queue.size;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    const first = this.queue.entries().next();
    if (!first.done) {
      const [key, value] = first.value;
      this.queue.delete(key);
      return Promise.resolve({ value, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.clear();
      for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  async throw(error: unknown): Promise<IteratorResult<T, undefined>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private evictOldestNonFinal(): void {
    for (const [key, value] of this.queue) {
      if (!this.policy.isFinal(value)) {
        this.queue.delete(key);
        return;
      }
    }
  }
}
