/**
 * Subscription topics, their coalescing policies, and the bridge from `JobService` events to them.
 *
 * @example
 *   const pubsub = createApiPubSub();
 *   bridgeJobEvents(jobService, pubsub);   // progress → JOB_PROGRESS (per job) + EXTRACTION_EVENTS; timelineUpdated → TIMELINE_UPDATED
 */
import { CoalescingPubSub } from './coalescing-pubsub.js';
import { FINAL_JOB_STATUSES, type JobStatus } from '../jobs/index.js';
import type { JobProgressNode } from './jobs/job.type.js';
import type { ProgressSource } from './services.js';

export const TOPICS = {
  JOB_PROGRESS: 'JOB_PROGRESS',
  EXTRACTION_EVENTS: 'EXTRACTION_EVENTS',
  TIMELINE_UPDATED: 'TIMELINE_UPDATED',
} as const;

export interface TimelineUpdatedPayload {
  patientId: string;
}

export function isFinalJob(job: { status: string }): boolean {
  return FINAL_JOB_STATUSES.has(job.status as JobStatus);
}

export function createApiPubSub(capacity?: number): CoalescingPubSub {
  const progress = { key: (e: JobProgressNode) => e.job.id, isFinal: (e: JobProgressNode) => isFinalJob(e.job) };
  return new CoalescingPubSub(
    {
      [TOPICS.JOB_PROGRESS]: progress,
      [TOPICS.EXTRACTION_EVENTS]: progress,
      [TOPICS.TIMELINE_UPDATED]: { key: (e: TimelineUpdatedPayload) => e.patientId, isFinal: () => false },
    },
    capacity,
  );
}

/** Forwards every job event; coalescing happens per subscriber inside the pubsub, so nothing here can block. */
export function bridgeJobEvents(source: ProgressSource, pubsub: CoalescingPubSub): void {
  source.on('progress', (event) => {
    const payload: JobProgressNode = { job: event.job, recordId: event.recordId, patientId: event.patientId };
    pubsub.publish(TOPICS.JOB_PROGRESS, event.job.id, payload);
    pubsub.publish(TOPICS.EXTRACTION_EVENTS, payload);
  });
  source.on('timelineUpdated', (patientId) => {
    pubsub.publish(TOPICS.TIMELINE_UPDATED, patientId, { patientId });
  });
}

const STATUS_RANK: Readonly<Record<string, number>> = { QUEUED: 0, RUNNING: 1, SUCCEEDED: 2, PARTIAL: 2, FAILED: 2, CANCELLED: 2 };

/** True when `next` is a later state of the same job than `previous` (so stale or repeated states can be skipped). */
export function isLaterJobState(
  next: { status: string; done: number; entities: number; updatedAt: string },
  previous: { status: string; done: number; entities: number; updatedAt: string },
): boolean {
  const a = [STATUS_RANK[next.status] ?? 0, next.done, next.entities] as const;
  const b = [STATUS_RANK[previous.status] ?? 0, previous.done, previous.entities] as const;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return next.updatedAt > previous.updatedAt;
}
