/**
 * One record through the pipeline: NER → time (analyse + resolve against the patient's earlier events) → one write
 * transaction that replaces the record's extraction AND finishes its job item. A crash before the commit leaves the
 * item QUEUED (redone on restart); after it, the item is DONE: each record is stored exactly once.
 * A failing stage is recorded on the item (code + class, never text) in its own transaction.
 *
 * @example
 *   await processRecord(deps, { jobId: 'j1', seq: 0, record })   // → { status: 'DONE', entities: 7 }
 */
import type { NerEngine } from '../ner/index.js';
import { analyseTime, resolveTimeline } from '../time/index.js';
import type { GraphDriver } from '../graph/driver.js';
import { clearExtraction, priorEvents, replaceExtraction } from '../graph/extraction.repo.js';
import type { RecordExtraction } from '../graph/extraction.rows.js';
import { finishItem, type ItemOutcome, type JobItem } from './job.repo.js';
import { StageError, describeFailure, stage } from './record-errors.js';

/** What the pipeline needs from the NER engine (tests inject the tiny model or a stub). */
export type NerExtractor = Pick<NerEngine, 'extract' | 'model'>;

export interface ProcessDeps {
  driver: GraphDriver;
  ner: NerExtractor;
  now?: () => string;
}

/** Thrown inside the write transaction when the item was already finished: rolls back, writes nothing. */
class AlreadyFinished extends Error {}

/** Returns the outcome, or null when the item had already been finished by an earlier run. */
export async function processRecord(deps: ProcessDeps, item: JobItem): Promise<ItemOutcome | null> {
  const now = deps.now ?? (() => new Date().toISOString());
  const { record } = item;
  let extraction: RecordExtraction;
  try {
    const entities = await stage('NER_FAILED', () => deps.ner.extract(record.text));
    const prior = await stage('GRAPH_WRITE_FAILED', () => priorEvents(deps.driver, record));
    const { timexes, links, resolutions } = await stage('TIME_FAILED', () => {
      const analysed = analyseTime({ text: record.text, recordedAt: record.recordedAt, entities });
      const resolved = resolveTimeline({ recordedAt: record.recordedAt, ...analysed, entities, priorEvents: prior });
      return { ...analysed, resolutions: resolved };
    });
    extraction = {
      record, entities, timexes, links, resolutions,
      model: { name: deps.ner.model.name, version: deps.ner.model.version },
    };
  } catch (err) {
    return fail(deps, item, err instanceof StageError ? err : new StageError('NER_FAILED', err), now());
  }

  const outcome: ItemOutcome = { status: 'DONE', entities: extraction.entities.length };
  try {
    await deps.driver.writeTransaction(async (tx) => {
      const at = now();
      await replaceExtraction(tx, extraction, at);
      if (!(await finishItem(tx, item, outcome, at))) throw new AlreadyFinished();
    });
    return outcome;
  } catch (err) {
    if (err instanceof AlreadyFinished) return null;
    return fail(deps, item, new StageError('GRAPH_WRITE_FAILED', err), now());
  }
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
