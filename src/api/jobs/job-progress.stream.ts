/**
 * The `jobProgress` event stream: the job's current state, then its later states, ending after a final one.
 *
 * The live subscription is registered *before* the current state is read, so no change between the two is lost;
 * states that are not later than the last one sent (see `isLaterJobState`) are skipped, so the client sees a
 * monotonic sequence even though the snapshot and the live events race.
 */
import type { CoalescingPubSub } from '../coalescing-pubsub.js';
import type { JobProgressNode } from './job.type.js';
import type { JobsPort } from '../services.js';
import { isFinalJob, isLaterJobState, TOPICS } from '../topics.js';

/** `null` when the job does not exist. */
export async function followJob(
  jobs: Pick<JobsPort, 'get'>,
  pubsub: CoalescingPubSub,
  jobId: string,
): Promise<AsyncIterableIterator<JobProgressNode> | null> {
  const live = pubsub.subscribe(TOPICS.JOB_PROGRESS, jobId) as AsyncIterableIterator<JobProgressNode>;
  let job;
  try {
    job = await jobs.get(jobId);
  } catch (error) {
    await live.return?.();
    throw error;
  }
  if (!job) {
    await live.return?.();
    return null;
  }
  const events = follow(live, { job, recordId: null, patientId: null });
  // A generator that never started skips its `finally`; release the live subscription on return() either way.
  const release = events.return.bind(events);
  events.return = async (value) => {
    await live.return?.();
    return release(value);
  };
  return events;
}

async function* follow(
  live: AsyncIterableIterator<JobProgressNode>,
  snapshot: JobProgressNode,
): AsyncGenerator<JobProgressNode, void, undefined> {
  try {
    let last = snapshot.job;
    yield snapshot;
    if (isFinalJob(last)) return;
    for await (const event of live) {
      if (!isLaterJobState(event.job, last)) continue;
      last = event.job;
      yield event;
      if (isFinalJob(last)) return;
    }
  } finally {
    await live.return?.();
  }
}
