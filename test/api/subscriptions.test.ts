/**
 * Subscriptions under a progress burst, over a real server and real WebSockets: one subscriber that never reads
 * (its socket is paused, so TCP back-pressure stalls its sends) must neither crash the server nor hold back a
 * subscriber that keeps up; both end with the final state, the slow one having received far fewer messages.
 */
import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApiSchema } from '../../src/api/schema.js';
import type { ApiServices, ProgressSource } from '../../src/api/services.js';
import { bridgeJobEvents, createApiPubSub } from '../../src/api/topics.js';
import type { JobProgressEvent, JobServiceEvents, JobView } from '../../src/jobs/job.types.js';
import { startServer, type PlatformServer } from '../../src/server.js';

const unused = (): never => {
  throw new Error('not used by this test');
};

function jobState(id: string, done: number, total: number): JobView {
  const final = done === total;
  return {
    id, total, done, failed: 0, cancelled: 0, entities: done * 3, errors: [], status: final ? 'SUCCEEDED' : done === 0 ? 'QUEUED' : 'RUNNING',
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: new Date(1_700_000_000_000 + done).toISOString(), finishedAt: final ? 'now' : null,
  };
}

describe('subscriptions under a burst', () => {
  const emitter = new EventEmitter();
  const source: ProgressSource = {
    on<E extends keyof JobServiceEvents>(event: E, fn: JobServiceEvents[E]) {
      emitter.on(event, fn);
      return () => emitter.off(event, fn);
    },
  };
  const jobs = new Map<string, JobView>();
  let server: PlatformServer;
  const logs: string[] = [];

  beforeAll(async () => {
    const pubsub = createApiPubSub();
    bridgeJobEvents(source, pubsub);
    const services: ApiServices = {
      jobs: { submit: unused, list: unused, cancel: unused, get: async (id) => jobs.get(id) ?? null },
      reads: new Proxy({} as ApiServices['reads'], { get: () => unused }),
      preview: { preview: unused },
      cohort: { find: unused, patients: unused },
      limits: { maxRecordChars: 100, maxRecordsPerCall: 10, maxCharsPerCall: 1000 },
    };
    server = await startServer({ schema: await buildApiSchema(pubsub), services, pubsub, host: '127.0.0.1', port: 0, log: (m) => logs.push(m) });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('coalesces for a stalled subscriber, keeps the fast one in order, and always delivers the final state', async () => {
    const total = 200_000;
    const jobId = 'burst-job';
    jobs.set(jobId, jobState(jobId, 0, total));
    const wsUrl = server.url.replace(/^http/, 'ws');

    // the stalled subscriber: raw graphql-transport-ws, paused right after subscribing
    const slow = new WebSocket(wsUrl, 'graphql-transport-ws');
    const slowMessages: Array<{ type: string; payload?: any }> = [];
    slow.on('message', (data) => slowMessages.push(JSON.parse(String(data))));
    await new Promise((resolve) => slow.once('open', resolve));
    slow.send(JSON.stringify({ type: 'connection_init' }));
    await waitFor(() => slowMessages.some((m) => m.type === 'connection_ack'));
    slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { extractionEvents { job { id status done } } }' } }));

    // the subscriber that keeps up
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const fast = client.iterate<{ jobProgress: { job: JobView } }>({
      query: 'subscription ($id: ID!) { jobProgress(jobId: $id) { job { id status done total } } }',
      variables: { id: jobId },
    });
    const fastFirst = await fast.next(); // the current state: the subscription is live from here on
    expect(fastFirst.value?.data?.jobProgress.job.done).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    slow.pause();

    const fastSeen: number[] = [];
    const fastDone = (async () => {
      for await (const result of fast) fastSeen.push(result.data!.jobProgress.job.done);
    })();

    for (let done = 1; done <= total; done += 1) {
      const job = jobState(jobId, done, total);
      jobs.set(jobId, job);
      const event: JobProgressEvent = { job, recordId: `r${done}`, patientId: 'p' };
      emitter.emit('progress', event);
      if (done % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    await fastDone; // completes after the final state
    expect(fastSeen.at(-1)).toBe(total);
    for (let i = 1; i < fastSeen.length; i += 1) expect(fastSeen[i]!).toBeGreaterThan(fastSeen[i - 1]!);

    // the server is still healthy
    expect((await fetch(server.url.replace('/graphql', '/healthz'))).status).toBe(200);

    slow.resume();
    await waitFor(() => slowMessages.some((m) => m.type === 'next' && m.payload.data.extractionEvents.job.done === total), 30_000);
    const slowNext = slowMessages.filter((m) => m.type === 'next');
    expect(slowNext.length).toBeLessThan(total / 10);
    const slowDone = slowNext.map((m) => m.payload.data.extractionEvents.job.done as number);
    for (let i = 1; i < slowDone.length; i += 1) expect(slowDone[i]!).toBeGreaterThan(slowDone[i - 1]!);
    expect(logs.filter((l) => l.includes('internal error'))).toEqual([]);

    slow.close();
    await client.dispose();
  }, 120_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
