/**
 * In-memory scheduler of job items: up to `concurrency` records at once, but one record at a time per patient, in
 * `recordedAt` order, so a record's time anchors (术后 → the latest surgery) can use the patient's earlier records.
 * `work` may give its slot back early (`release`, e.g. once its pipeline has run and it only waits for a group
 * commit): the next record starts then, while the patient stays busy until `work` settles.
 * The durable state is in Neo4j; this queue only orders work and can be rebuilt from it (`queued-items`).
 *
 * @example
 *   const q = new PatientQueue(2, (item) => processRecord(item));
 *   q.addAll([itemA, itemB]);      // runs at once when started
 *   q.start(); await q.stop();     // stop: no new items, waits for running ones
 */
import type { JobItem } from './job.repo.js';
import { itemId } from './job.repo.js';

interface Pending {
  item: JobItem;
  order: number;
}

export class PatientQueue {
  private readonly pending = new Map<string, Pending[]>();
  private readonly ready: string[] = [];
  private readonly active = new Map<string, JobItem>();
  private readonly known = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private counter = 0;
  /** Records holding a slot: started and not yet released. */
  private busy = 0;
  private accepting = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly work: (item: JobItem, release: () => void) => Promise<void>,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new TypeError(`concurrency: expected a positive integer, got ${String(concurrency)}`);
    }
  }

  /**
   * Adds items (skipping a (job, record) already queued or running), then starts what it can: adding a whole job
   * before pumping lets its records be ordered by date. Returns how many were added.
   */
  addAll(items: readonly JobItem[]): number {
    let added = 0;
    for (const item of items) if (this.enqueue(item)) added += 1;
    this.pump();
    return added;
  }

  private enqueue(item: JobItem): boolean {
    const key = itemId(item.jobId, item.record.recordId);
    if (this.known.has(key)) return false;
    this.known.add(key);
    const patientId = item.record.patientId;
    const list = this.pending.get(patientId) ?? [];
    list.push({ item, order: this.counter++ });
    // Stable: equal dates keep submission order (a re-submitted record is processed after its earlier copy).
    list.sort((a, b) => (a.item.record.recordedAt < b.item.record.recordedAt ? -1
      : a.item.record.recordedAt > b.item.record.recordedAt ? 1 : a.order - b.order));
    this.pending.set(patientId, list);
    if (!this.active.has(patientId) && !this.ready.includes(patientId)) this.ready.push(patientId);
    return true;
  }

  start(): void {
    this.accepting = true;
    this.pump();
  }

  /**
   * Stops taking items and resolves when the running ones have finished, or after `graceMs` with the number still
   * running (`abandoned`); pending ones stay (in Neo4j) for later.
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<{ finished: number; abandoned: number }> {
    this.accepting = false;
    const running = [...this.running];
    let timer: NodeJS.Timeout | undefined;
    const settled = Promise.allSettled(running).then(() => true);
    const expired = Number.isFinite(graceMs) ? new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))) : null;
    const all = expired ? await Promise.race([settled, expired]) : await settled;
    clearTimeout(timer);
    const abandoned = all ? 0 : this.running.size;
    return { finished: running.length - abandoned, abandoned };
  }

  /** Drops the job's pending items (`cancelJob`); returns the ids of its items running now, which finish. */
  removeJob(jobId: string): { dropped: number; running: string[] } {
    let dropped = 0;
    for (const [patientId, list] of this.pending) {
      const kept = list.filter((p) => p.item.jobId !== jobId);
      for (const p of list) if (p.item.jobId === jobId) this.known.delete(itemId(jobId, p.item.record.recordId));
      dropped += list.length - kept.length;
      if (kept.length > 0) this.pending.set(patientId, kept);
      else {
        this.pending.delete(patientId);
        const at = this.ready.indexOf(patientId);
        if (at >= 0) this.ready.splice(at, 1);
      }
    }
    const running = [...this.active.values()].filter((i) => i.jobId === jobId).map((i) => itemId(i.jobId, i.record.recordId));
    if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    return { dropped, running };
  }

  /** Resolves when nothing is pending or running (tests, the CLI). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Items pending or running. */
  get size(): number {
    let n = this.active.size;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }

  private pump(): void {
    while (this.accepting && this.busy < this.concurrency && this.ready.length > 0) {
      const patientId = this.ready.shift()!;
      const list = this.pending.get(patientId);
      const next = list?.shift();
      if (!next) continue;
      if (list!.length === 0) this.pending.delete(patientId);
      this.active.set(patientId, next.item);
      this.busy += 1;
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        this.busy -= 1;
        this.pump();
      };
      const run = this.work(next.item, release)
        .catch(() => undefined) // `work` reports its own failures; a rejection must not stop the queue
        .finally(() => {
          release();
          this.running.delete(run);
          this.active.delete(patientId);
          this.known.delete(itemId(next.item.jobId, next.item.record.recordId));
          if (this.pending.has(patientId)) this.ready.push(patientId);
          this.pump();
          if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
      this.running.add(run);
    }
  }
}
