import { describe, expect, it } from 'vitest';
import { followJob } from '../../src/api/jobs/job-progress.stream.js';
import { createApiPubSub, TOPICS } from '../../src/api/topics.js';
import type { JobStatus, JobView } from '../../src/jobs/job.types.js';

function job(done: number, status: JobStatus, total = 3): JobView {
  return {
    id: 'j1', status, total, done, failed: 0, cancelled: 0, entities: done, errors: [], createdAt: 't0',
    updatedAt: `t${done}`, finishedAt: status === 'SUCCEEDED' ? 't9' : null,
  };
}

describe('followJob (jobProgress stream)', () => {
  it('starts with the current state, skips states not later than the last sent, and completes after the final one', async () => {
    const pubsub = createApiPubSub();
    const stream = await followJob({ get: async () => job(1, 'RUNNING') }, pubsub, 'j1');
    const publish = (j: JobView): void => pubsub.publish(TOPICS.JOB_PROGRESS, 'j1', { job: j, recordId: null, patientId: null });
    const next = async (): Promise<string> => {
      const r = await stream!.next();
      return r.done ? 'done' : `${r.value.job.status}:${r.value.job.done}`;
    };
    expect(await next()).toBe('RUNNING:1');
    publish(job(0, 'QUEUED')); // older than the snapshot: skipped
    const pending = next();
    publish(job(1, 'RUNNING')); // same as the snapshot: skipped
    publish(job(2, 'RUNNING'));
    expect(await pending).toBe('RUNNING:2');
    publish(job(2, 'RUNNING')); // a repeat: skipped
    publish(job(3, 'SUCCEEDED'));
    expect(await next()).toBe('SUCCEEDED:3');
    publish(job(3, 'SUCCEEDED')); // after the end: never delivered
    expect(await next()).toBe('done');
    expect(pubsub.subscriberCount).toBe(0);
  });

  it('answers null for an unknown job and leaves no subscription behind', async () => {
    const pubsub = createApiPubSub();
    expect(await followJob({ get: async () => null }, pubsub, 'nope')).toBeNull();
    expect(pubsub.subscriberCount).toBe(0);
  });

  it('releases the live subscription when the client leaves before the first event', async () => {
    const pubsub = createApiPubSub();
    const stream = await followJob({ get: async () => job(0, 'QUEUED') }, pubsub, 'j1');
    expect(pubsub.subscriberCount).toBe(1);
    await stream!.return!(undefined);
    expect(pubsub.subscriberCount).toBe(0);
  });

  it('sends a finished job once and completes', async () => {
    const pubsub = createApiPubSub();
    const stream = await followJob({ get: async () => job(3, 'SUCCEEDED') }, pubsub, 'j1');
    const seen = [];
    for await (const event of stream!) seen.push(event.job.status);
    expect(seen).toEqual(['SUCCEEDED']);
    expect(pubsub.subscriberCount).toBe(0);
  });
});
