/**
 * Keeps a job's event sequence monotonic when its events come from several processes: two workers finishing records
 * of one job publish views read after their own commits, and Redis may deliver them in either order. A view that is
 * not later than the last one passed (fewer done, an earlier status, or anything after the final state) is dropped.
 * It also remembers which jobs it saw unfinished, so a lost final event can be looked for (`openJobs`).
 *
 * @example
 *   const filter = new JobStateFilter();
 *   filter.accept({ id: 'j1', status: 'RUNNING', done: 2, ... })     // true
 *   filter.accept({ id: 'j1', status: 'RUNNING', done: 1, ... })     // false (older)
 *   filter.accept({ id: 'j1', status: 'SUCCEEDED', done: 3, ... })   // true; nothing of j1 passes after it
 */
import type { JobView } from '../jobs/index.js';

const STATUS_RANK: Readonly<Record<string, number>> = { QUEUED: 0, RUNNING: 1, SUCCEEDED: 2, PARTIAL: 2, FAILED: 2, CANCELLED: 2 };

export class JobStateFilter {
  private readonly last = new Map<string, JobView>();

  constructor(private readonly maxTracked = 10_000) {}

  /** True when `job` is news (and remembers it). */
  accept(job: JobView): boolean {
    const previous = this.last.get(job.id);
    if (previous && !isLater(job, previous)) return false;
    this.last.delete(job.id); // re-insert: recency order for the cap
    this.last.set(job.id, job);
    if (this.last.size > this.maxTracked) this.last.delete(this.last.keys().next().value!);
    return true;
  }

  /** Starts remembering a job read elsewhere (a `job(id)` query, a subscription's snapshot) without passing it on. */
  track(job: JobView): void {
    if (!this.last.has(job.id)) this.accept(job);
  }

  /** Ids of remembered jobs not yet final, oldest first (at most `limit`). */
  openJobs(limit = 500): string[] {
    const ids: string[] = [];
    for (const [id, job] of this.last) {
      if (job.finishedAt === null) ids.push(id);
      if (ids.length >= limit) break;
    }
    return ids;
  }
}

function isLater(next: JobView, previous: JobView): boolean {
  if (previous.finishedAt !== null) return false;
  const a = [STATUS_RANK[next.status] ?? 0, next.done + next.cancelled, next.entities];
  const b = [STATUS_RANK[previous.status] ?? 0, previous.done + previous.cancelled, previous.entities];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return next.updatedAt > previous.updatedAt;
}
