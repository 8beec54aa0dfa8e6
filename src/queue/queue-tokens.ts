/**
 * What travels through BullMQ: not records but *tokens*, one per (job, patient) of a `submitRecords` call, meaning
 * "patient P has records waiting". The worker that takes a token locks the patient and processes the patient's
 * waiting records from Neo4j in `recordedAt` order until none is left (record-worker.ts). Text never goes to Redis.
 *
 * Why tokens per patient and not one BullMQ job per record: the order of a patient's records must hold across
 * processes, and BullMQ (open source) has no groups; with the patient lock and the order read from Neo4j, any token
 * of a patient does the right next record, so duplicate or extra tokens (re-submission, reconciliation after a lost
 * token) cost one no-op at most and never break the order. Ids are hashes: BullMQ ids may not contain ':'.
 *
 * @example
 *   submitTokenId('6f0c…', 'P001')   // 't-3a5e…' (the same for the same call and patient: enqueueing is idempotent)
 */
import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';

export const QUEUE_NAME = 'records';

export interface TokenData {
  patientId: string;
  /** Jobs whose records brought the token (announced again when a killed run may have lost their events). */
  jobIds: string[];
  /** The record being processed, written before each one (a token re-run after a crash knows what was cut off). */
  current?: { jobId: string; itemId: string; stalls: number };
}

export function submitTokenId(jobId: string, patientId: string): string {
  return `t-${digest(`${jobId}\u0000${patientId}`)}`;
}

/** One id per patient per time window, so workers reconciling at the same time add one token, not one each. */
export function reconcileTokenId(patientId: string, windowMs: number, now = Date.now()): string {
  return `r-${digest(patientId)}-${Math.floor(now / windowMs)}`;
}

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s…); completed tokens go, failed ones stay (the dead-letter set).
 * Deduplicated per patient with `keepLastIfActive`: at most one token of a patient runs and one waits behind it (a
 * token added while one runs is kept and queued when it finishes, so a record committed after the running token
 * looked for work is never left without one), instead of one no-op token per call.
 */
export function tokenOptions(jobId: string, attempts: number, patientId: string): JobsOptions {
  return {
    jobId,
    deduplication: { id: `p-${digest(patientId)}`, keepLastIfActive: true },
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: { count: 10_000 },
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 40);
}
