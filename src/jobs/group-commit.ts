/**
 * Group commit: finished records wait here and are written several per transaction (their extractions in one
 * statement, their job items finished in the same transaction), because a transaction per record pays a round trip
 * and a log flush each time and caps graph writes far below what Neo4j can take.
 *
 * A batch is written as soon as no write is running: at most `maxRecords` records, optionally after waiting
 * `lingerMs` for more. While a batch commits, the next one gathers, so batches grow exactly when records finish faster
 * than one transaction commits, and a lone record waits for no one. Exactly-once holds per record: an item already
 * finished by another run is left out of the write (`commit` resolves false). If a batch fails for a reason other
 * than Neo4j being away, its records are written one by one, so one bad record fails only itself.
 *
 * @example
 *   const commits = new GroupCommitter(driver, { maxRecords: 32, lingerMs: 0 });
 *   await commits.commit({ item, extraction, outcome: { status: 'DONE', entities: 7 } })   // true: written now
 */
import { replaceExtractions, type GraphDriver, type RecordExtraction } from '../graph/index.js';
import { isOncoError } from '../errors/index.js';
import { finishItems, itemId, type ItemOutcome, type JobItem } from './job.repo.js';

export interface GroupCommitOptions {
  /** Most records per transaction (1: a transaction per record). */
  maxRecords: number;
  /** How long the first waiting record waits for others when no write is running (0: the next turn of the loop). */
  lingerMs: number;
}

/** One finished record: what to store and how its job item ends. */
export interface CommitEntry {
  item: JobItem;
  extraction: RecordExtraction;
  outcome: ItemOutcome;
}

export interface GroupCommitHooks {
  now?: () => string;
  /** The driver ran a write transaction again (deadlock or other transient error). */
  onTransactionRetry?: () => void;
  /** A transaction committed `records` records (metrics, the bench). */
  onCommit?: (records: number) => void;
}

interface Waiting {
  entry: CommitEntry;
  resolve: (written: boolean) => void;
  reject: (err: unknown) => void;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxRecords: 32, lingerMs: 0 };

export class GroupCommitter {
  private readonly waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing = false;

  constructor(
    private readonly driver: GraphDriver,
    private readonly options: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
    private readonly hooks: GroupCommitHooks = {},
  ) {
    if (!Number.isInteger(options.maxRecords) || options.maxRecords < 1) {
      throw new TypeError(`maxRecords: expected a positive integer, got ${String(options.maxRecords)}`);
    }
    if (!(options.lingerMs >= 0)) throw new TypeError(`lingerMs: expected a number >= 0, got ${String(options.lingerMs)}`);
  }

  /** Resolves true once the record is committed, false when its item had been finished already (nothing written). */
  commit(entry: CommitEntry): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  /** Records waiting for a transaction (not counting the batch being written). */
  get pending(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.writing) return; // the running write takes the waiting records when it is done
    if (this.waiting.length >= this.options.maxRecords) {
      void this.drain();
      return;
    }
    this.timer ??= setTimeout(() => void this.drain(), this.options.lingerMs);
  }

  private async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.write(this.waiting.splice(0, this.options.maxRecords));
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const finished = await writeFinishedRecords(this.driver, batch.map((w) => w.entry), this.hooks);
      for (const w of batch) w.resolve(finished.has(entryId(w.entry)));
      return;
    } catch (err) {
      if (batch.length === 1 || isAway(err, this.driver)) {
        for (const w of batch) w.reject(err);
        return;
      }
    }
    for (const w of batch) {
      try {
        w.resolve((await writeFinishedRecords(this.driver, [w.entry], this.hooks)).size === 1);
      } catch (err) {
        w.reject(err);
      }
    }
  }
}

/**
 * One write transaction: finishes the entries' QUEUED items, then stores the extractions of exactly those. Returns the
 * ids (`itemId`) finished now. Used alone (a record per transaction) and by `GroupCommitter`.
 */
export async function writeFinishedRecords(
  driver: GraphDriver, entries: readonly CommitEntry[], hooks: GroupCommitHooks = {},
): Promise<Set<string>> {
  let runs = 0;
  const finished = await driver.writeTransaction(async (tx) => {
    if (++runs > 1) hooks.onTransactionRetry?.();
    const at = (hooks.now ?? (() => new Date().toISOString()))();
    const done = await finishItems(tx, entries, at);
    await replaceExtractions(tx, entries.filter((e) => done.has(entryId(e))).map((e) => e.extraction), at);
    return done;
  });
  hooks.onCommit?.(finished.size);
  return finished;
}

function entryId(e: CommitEntry): string {
  return itemId(e.item.jobId, e.item.record.recordId);
}

/** Neo4j away or writes refused (shutdown): writing the records one by one would fail the same way, slowly. */
function isAway(err: unknown, driver: GraphDriver): boolean {
  return isOncoError(err, 'SERVICE_UNAVAILABLE') || !driver.available;
}
