/**
 * Persistence of jobs and their items (one item per accepted record) in Neo4j, through named statements only.
 *
 * @example
 *   await submitJob(driver, 'j1', records, now);          // job QUEUED, items QUEUED with their text
 *   (await jobsByIds(driver, ['j1']))[0]?.status           // 'QUEUED'
 */
import type { ClinicalRecord, RecordKind } from '../domain/index.js';
import { cypherInt, type GraphDriver, type GraphRecord, type GraphTx } from '../graph/index.js';
import type { JobListArgs, JobPage, JobStatus, JobView, RecordError, RecordErrorCode } from './job.types.js';
import { BadUserInputError, InvalidRecordsError } from '../errors/index.js';
import { decodeJobCursor, encodeJobCursor } from './job.cursor.js';

/** A record waiting in a job: what the pipeline needs to process it (loaded again after a restart). */
export interface JobItem {
  jobId: string;
  seq: number;
  record: ClinicalRecord;
}

export function itemId(jobId: string, recordId: string): string {
  return `${jobId}/${recordId}`;
}

/**
 * Stores the job and its items in one transaction. A record id already stored under another patient rejects the
 * whole call with `InvalidRecordsError` (RECORD_PATIENT_MISMATCH, one problem per such record) and stores nothing.
 */
export async function submitJob(
  driver: GraphDriver, jobId: string, records: readonly ClinicalRecord[], now: string, queue: string | null = null,
): Promise<void> {
  const rows = records.map((r, seq) => ({
    seq: cypherInt(seq),
    patientId: r.patientId,
    recordId: r.recordId,
    kind: r.kind,
    recordedAt: r.recordedAt,
    text: r.text,
  }));
  await driver.writeTransaction(async (tx) => {
    await tx.run('submit-job', { jobId, now, records: rows });
    if (queue !== null) await tx.run('set-job-queue', { jobId, queue });
    const conflicts = await tx.run('record-patient-conflicts', { records: rows });
    if (conflicts.length > 0) {
      throw new InvalidRecordsError(conflicts.map((c) => ({
        index: c.get('seq') as number,
        field: 'patientId' as const,
        code: 'RECORD_PATIENT_MISMATCH' as const,
        message: 'this record id is already stored under another patient; a record keeps its patient (README § Re-submission)',
      })), records.length);
    }
  });
}

/**
 * Cancels the job's QUEUED items except `keep` (the item ids in flight). Returns how many were cancelled, or null
 * when the job does not exist or is already final.
 */
export async function cancelJob(driver: GraphDriver, jobId: string, keep: readonly string[], now: string): Promise<number | null> {
  const rows = await driver.write('cancel-job', { jobId, keep: [...keep], now });
  return rows.length === 0 ? null : (rows[0]!.get('cancelled') as number);
}

/** Takes back a FAILED outcome recorded while Neo4j was away, so the item runs again (see requeue-item.cypher). */
export async function requeueItem(driver: GraphDriver, item: JobItem, now: string): Promise<boolean> {
  const rows = await driver.write('requeue-item', {
    jobId: item.jobId, itemId: itemId(item.jobId, item.record.recordId), text: item.record.text, now,
  });
  return rows.length > 0;
}

export async function jobsByIds(driver: GraphDriver, ids: readonly string[]): Promise<(JobView | null)[]> {
  const rows = await driver.read('jobs-by-ids', { ids: [...ids] });
  const byId = new Map(rows.map((r) => {
    const view = toJobView(r);
    return [view.id, view] as const;
  }));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function listJobs(driver: GraphDriver, args: JobListArgs): Promise<JobPage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > 500) {
    throw new BadUserInputError(`first: expected an integer 1..500, got ${String(args.first)}`, { field: 'first' });
  }
  const after = args.after === undefined ? null : decodeJobCursor(args.after);
  const rows = await driver.read('list-jobs', {
    status: args.status ?? null,
    afterCreatedAt: after?.createdAt ?? null,
    afterId: after?.id ?? null,
    limit: cypherInt(args.first + 1),
  });
  const items = rows.slice(0, args.first).map(toJobView);
  const last = items.at(-1);
  return {
    items,
    endCursor: last ? encodeJobCursor(last) : null,
    hasNextPage: rows.length > args.first,
  };
}

export async function queuedItems(driver: GraphDriver): Promise<JobItem[]> {
  const rows = await driver.read('queued-items');
  return rows.map((r) => toJobItem(r.get('item') as Record<string, unknown>));
}

/** The patient's next item to process across processes (see next-patient-item.cypher); null when none is waiting. */
export async function nextPatientItem(driver: GraphDriver, patientId: string): Promise<JobItem | null> {
  const rows = await driver.read('next-patient-item', { patientId });
  return rows.length === 0 ? null : toJobItem(rows[0]!.get('item') as Record<string, unknown>);
}

/**
 * Patients with QUEUED items of unfinished jobs of `queue` (not updated since `idleBefore`, when given), and of
 * in-process jobs idle since `orphanBefore`; with those jobs (see queued-patients.cypher).
 */
export async function queuedPatients(
  driver: GraphDriver, queue: string, idleBefore: string | null, orphanBefore: string,
): Promise<{ patientId: string; jobIds: string[] }[]> {
  const rows = await driver.read('queued-patients', { queue, idleBefore, orphanBefore });
  return rows.map((r) => ({ patientId: r.get('patientId') as string, jobIds: r.get('jobIds') as string[] }));
}

function toJobItem(item: Record<string, unknown>): JobItem {
  return {
    jobId: item['jobId'] as string,
    seq: item['seq'] as number,
    record: {
      patientId: item['patientId'] as string,
      recordId: item['recordId'] as string,
      kind: item['kind'] as RecordKind,
      recordedAt: item['recordedAt'] as string,
      text: item['text'] as string,
    },
  };
}

export async function markJobRunning(driver: GraphDriver, jobId: string, now: string): Promise<boolean> {
  return (await driver.write('start-job', { jobId, now })).length > 0;
}

export interface ItemOutcome {
  status: 'DONE' | 'FAILED';
  entities: number;
  error?: { code: RecordErrorCode; message: string };
}

/**
 * Finishes an item inside the record's transaction. Returns false when it was already finished (another run got
 * there first); the caller must then abandon the transaction so nothing is written twice.
 */
export async function finishItem(tx: GraphTx, item: JobItem, outcome: ItemOutcome, now: string): Promise<boolean> {
  return (await finishItems(tx, [{ item, outcome }], now)).size === 1;
}

/**
 * Finishes several items inside one transaction (group commit); returns the ids (`itemId`) of those finished now.
 * An item missing from the set was finished by an earlier run: the caller must write nothing for it.
 */
export async function finishItems(
  tx: GraphTx, entries: readonly { item: JobItem; outcome: ItemOutcome }[], now: string,
): Promise<Set<string>> {
  const items = entries
    .map(({ item, outcome }) => ({
      jobId: item.jobId,
      itemId: itemId(item.jobId, item.record.recordId),
      status: outcome.status,
      entities: cypherInt(outcome.entities),
      errorCode: outcome.error?.code ?? null,
      errorMessage: outcome.error?.message ?? null,
    }))
    .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0)); // item ids start with the job id
  const jobIds = [...new Set(items.map((i) => i.jobId))].sort();
  const rows = await tx.run('finish-items', { items, jobIds, now });
  return new Set(rows.flatMap((r) => r.get('itemIds') as string[]));
}

function toJobView(row: GraphRecord): JobView {
  const job = row.get('job') as Record<string, unknown>;
  const errors = (row.get('errors') as Record<string, unknown>[]).map((e): RecordError => ({
    recordId: e['recordId'] as string,
    code: e['code'] as RecordErrorCode,
    message: e['message'] as string,
  }));
  return {
    id: job['id'] as string,
    status: job['status'] as JobStatus,
    total: job['total'] as number,
    done: job['done'] as number,
    failed: job['failed'] as number,
    cancelled: (job['cancelled'] as number | null | undefined) ?? 0,
    entities: job['entities'] as number,
    errors,
    createdAt: job['createdAt'] as string,
    updatedAt: job['updatedAt'] as string,
    finishedAt: (job['finishedAt'] as string | undefined) ?? null,
  };
}
