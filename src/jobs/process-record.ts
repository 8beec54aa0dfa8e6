/**
 * One record through the record pipeline (src/pipeline: ner → rules → assertion → normalise → time), then one write
 * transaction that replaces the record's extraction AND finishes its job item (alone, or with other records through a
 * `GroupCommitter`). A crash before the commit leaves the item QUEUED (redone on restart); after it, the item is DONE:
 * each record is stored exactly once.
 * A failing stage is recorded on the item (code + class, never text) in its own transaction. Back-pressure is not a
 * failure: a record that finds the NER engine's queue full (`NER_QUEUE_FULL`) waits and tries again.
 *
 * @example
 *   await processRecord(deps, { jobId: 'j1', seq: 0, record })   // → { status: 'DONE', entities: 7 }
 */
import { clearExtraction, priorEvents, type GraphDriver, type RecordExtraction } from '../graph/index.js';
import { isNerError } from '../ner/index.js';
import { describePipeline, isStageFailure, type PipelineResult, type RecordInput, type RecordPipeline } from '../pipeline/index.js';
import { writeFinishedRecords, type CommitEntry } from './group-commit.js';
import { finishItem, type ItemOutcome, type JobItem } from './job.repo.js';
import type { RecordErrorCode } from './job.types.js';
import { StageError, describeFailure, stage } from './record-errors.js';

export interface ProcessDeps {
  driver: GraphDriver;
  pipeline: RecordPipeline;
  now?: () => string;
  /** Called when the driver runs the record's write transaction again (deadlock or other transient error): metrics. */
  onTransactionRetry?: () => void;
  /**
   * Stores a finished record and finishes its item; resolves false when the item was finished already. Default: a
   * transaction of its own. The job runner passes a `GroupCommitter` to write several records per transaction.
   */
  commit?: (entry: CommitEntry) => Promise<boolean>;
  /** Called once the record's pipeline has run (or failed), before its write: the job runner frees its slot then. */
  onExtracted?: () => void;
}

/** Which record error a failing pipeline stage is reported as. */
const STAGE_CODES: Readonly<Record<string, RecordErrorCode>> = {
  ner: 'NER_FAILED',
  rules: 'NER_FAILED',
  assertion: 'ASSERTION_FAILED',
  normalise: 'NORMALISE_FAILED',
  time: 'TIME_FAILED',
};

/** Thrown inside the write transaction when the item was already finished: rolls back, writes nothing. */
class AlreadyFinished extends Error {}

/** Returns the outcome, or null when the item had already been finished by an earlier run. */
export async function processRecord(deps: ProcessDeps, item: JobItem): Promise<ItemOutcome | null> {
  const now = deps.now ?? (() => new Date().toISOString());
  const extracted = await extract(deps, item).catch((err: unknown) => err instanceof StageError ? err : new StageError('NER_FAILED', err));
  deps.onExtracted?.();
  if (extracted instanceof StageError) return fail(deps, item, extracted, now());

  const outcome: ItemOutcome = { status: 'DONE', entities: extracted.entities.length };
  const entry: CommitEntry = { item, extraction: extracted, outcome };
  const commit = deps.commit ?? (async (e: CommitEntry) => (await writeFinishedRecords(deps.driver, [e], {
    now, ...(deps.onTransactionRetry ? { onTransactionRetry: deps.onTransactionRetry } : {}),
  })).size === 1);
  try {
    return (await commit(entry)) ? outcome : null;
  } catch (err) {
    return fail(deps, item, new StageError('GRAPH_WRITE_FAILED', err), now());
  }
}

/** The record's prior events (time anchors) and its pipeline run, as the extraction to store. */
async function extract(deps: ProcessDeps, item: JobItem): Promise<RecordExtraction> {
  const { record } = item;
  const prior = await stage('GRAPH_WRITE_FAILED', () => priorEvents(deps.driver, record));
  const result = await runWaitingOutBackPressure(deps.pipeline, { text: record.text, recordedAt: record.recordedAt, priorEvents: prior }).catch((err: unknown) => {
    if (isStageFailure(err)) throw new StageError(STAGE_CODES[err.stage] ?? 'NER_FAILED', err.cause);
    throw err;
  });
  return {
    record,
    entities: result.entities,
    timexes: result.timexes,
    links: result.links,
    resolutions: result.resolutions,
    model: { name: deps.pipeline.model.name, version: deps.pipeline.model.version },
    pipeline: describePipeline(deps.pipeline),
  };
}

/** How long a record keeps retrying a full NER queue before it is failed after all (the engine must be stuck). */
const BACK_PRESSURE_BUDGET_MS = 10 * 60_000;

/** The pipeline, run again (after 50 ms … 2 s) while the NER engine answers `NER_QUEUE_FULL`. */
async function runWaitingOutBackPressure(pipeline: RecordPipeline, input: RecordInput): Promise<PipelineResult> {
  const deadline = Date.now() + BACK_PRESSURE_BUDGET_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await pipeline.run(input);
    } catch (err) {
      const full = isStageFailure(err) && isNerError(err.cause) && err.cause.code === 'NER_QUEUE_FULL';
      if (!full || Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * attempt)));
    }
  }
}

/**
 * Records the item as FAILED with `err`'s code (its extraction cleared), in one transaction; null when it was finished
 * already. Also how a multi-process worker dead-letters a record whose retries ran out (`RETRIES_EXHAUSTED`).
 */
export async function failItem(deps: ProcessDeps, item: JobItem, err: StageError, at: string): Promise<ItemOutcome | null> {
  return fail(deps, item, err, at);
}

async function fail(deps: ProcessDeps, item: JobItem, err: StageError, at: string): Promise<ItemOutcome | null> {
  const outcome: ItemOutcome = {
    status: 'FAILED',
    entities: 0,
    error: { code: err.stage, message: describeFailure(err.cause) },
  };
  // If even this write fails (Neo4j gone), it propagates: the item stays QUEUED and is retried on the next start.
  let finished = false;
  await deps.driver.writeTransaction(async (tx) => {
    await clearExtraction(tx, item.record, at);
    finished = await finishItem(tx, item, outcome, at);
    if (!finished) throw new AlreadyFinished();
  }).catch((e: unknown) => {
    if (!(e instanceof AlreadyFinished)) throw e;
  });
  return finished ? outcome : null;
}
