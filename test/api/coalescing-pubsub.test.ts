import { describe, expect, it } from 'vitest';
import { CoalescingPubSub } from '../../src/api/coalescing-pubsub.js';

interface Progress { id: string; done: number; final: boolean }
const policies = { JOB: { key: (p: Progress) => p.id, isFinal: (p: Progress) => p.final } };

async function take<T>(iterator: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = await iterator.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('CoalescingPubSub', () => {
  it('delivers every event to a subscriber that keeps up', async () => {
    const pubsub = new CoalescingPubSub(policies);
    const events = pubsub.subscribe('JOB', 'j1');
    const received = take(events, 3);
    for (let done = 1; done <= 3; done += 1) {
      pubsub.publish('JOB', 'j1', { id: 'j1', done, final: done === 3 });
      await Promise.resolve();
    }
    expect((await received).map((e) => (e as Progress).done)).toEqual([1, 2, 3]);
  });

  it('coalesces a burst per key for a slow subscriber and keeps the final state', async () => {
    const pubsub = new CoalescingPubSub(policies);
    const events = pubsub.subscribe('JOB');
    for (let done = 1; done <= 100_000; done += 1) pubsub.publish('JOB', { id: 'a', done, final: done === 100_000 });
    pubsub.publish('JOB', { id: 'b', done: 1, final: false });
    const got = (await take(events, 2)) as Progress[];
    expect(got).toEqual([{ id: 'a', done: 100_000, final: true }, { id: 'b', done: 1, final: false }]);
  });

  it('bounds a subscriber queue but never drops a final state', async () => {
    const pubsub = new CoalescingPubSub(policies, 3);
    const events = pubsub.subscribe('JOB');
    pubsub.publish('JOB', { id: 'f', done: 1, final: true });
    for (let i = 0; i < 10; i += 1) pubsub.publish('JOB', { id: `k${i}`, done: 1, final: false });
    const got = (await take(events, 3)) as Progress[];
    expect(got.map((p) => p.id)).toEqual(['f', 'k8', 'k9']);
    expect(events.pending).toBe(0);
  });

  it('routes by id and unsubscribes on return()', async () => {
    const pubsub = new CoalescingPubSub(policies);
    const one = pubsub.subscribe('JOB', 'j1');
    const two = pubsub.subscribe('JOB', 'j2');
    pubsub.publish('JOB', 'j2', { id: 'j2', done: 1, final: false });
    expect(one.pending).toBe(0);
    expect(two.pending).toBe(1);
    expect(pubsub.subscriberCount).toBe(2);
    const waiting = one.next();
    await one.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(pubsub.subscriberCount).toBe(1);
    pubsub.closeAll();
    expect(pubsub.subscriberCount).toBe(0);
  });

  it('refuses an unknown topic', () => {
    expect(() => new CoalescingPubSub(policies).subscribe('NOPE')).toThrow("unknown topic 'NOPE', expected one of JOB");
  });
});
