import { describe, expect, it } from 'vitest';
import type { JobItem } from '../../src/jobs/job.repo.js';
import { PatientQueue } from '../../src/jobs/patient-queue.js';

const item = (patientId: string, recordId: string, recordedAt: string, jobId = 'j'): JobItem => ({
  jobId, seq: 0, record: { patientId, recordId, kind: 'OTHER', recordedAt, text: 't' },
});

function recorder(delayMs = 5) {
  const log: string[] = [];
  let running = 0;
  let peak = 0;
  const running_: Set<string> = new Set();
  const work = async (i: JobItem): Promise<void> => {
    running += 1;
    peak = Math.max(peak, running);
    if (running_.has(i.record.patientId)) throw new Error('two records of one patient at once');
    running_.add(i.record.patientId);
    await new Promise((r) => setTimeout(r, delayMs));
    log.push(i.record.recordId);
    running_.delete(i.record.patientId);
    running -= 1;
  };
  return { log, work, peak: () => peak };
}

describe('PatientQueue', () => {
  it('runs up to `concurrency` records, one per patient, each patient in recordedAt order', async () => {
    const r = recorder();
    const q = new PatientQueue(2, r.work);
    q.addAll([
      item('a', 'a3', '2020-03-01'), item('a', 'a1', '2020-01-01'), item('b', 'b1', '2020-01-01'),
      item('a', 'a2', '2020-02-01'), item('c', 'c1', '2020-01-01'),
    ]);
    q.start();
    await q.idle();
    expect(r.peak()).toBe(2);
    expect(r.log.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect([...r.log].sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
  });

  it('ignores an item already queued, and keeps going when work rejects', async () => {
    const seen: string[] = [];
    const q = new PatientQueue(1, async (i) => {
      seen.push(i.record.recordId);
      if (i.record.recordId === 'x') throw new Error('boom');
    });
    expect(q.addAll([item('p', 'x', '2020-01-01'), item('p', 'x', '2020-01-01'), item('p', 'y', '2020-01-02')])).toBe(2);
    q.start();
    await q.idle();
    expect(seen).toEqual(['x', 'y']);
  });

  it('holds items until start, and stop waits for running work only', async () => {
    const r = recorder(20);
    const q = new PatientQueue(1, r.work);
    q.addAll([item('p', '1', '2020-01-01'), item('p', '2', '2020-01-02')]);
    await new Promise((res) => setTimeout(res, 10));
    expect(r.log).toEqual([]);
    q.start();
    await new Promise((res) => setTimeout(res, 5));
    await q.stop();
    expect(r.log).toEqual(['1']);
    expect(q.size).toBe(1);
  });

  it('starts the next record when work releases its slot early, but never a second record of the same patient', async () => {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const q = new PatientQueue(1, async (i, release) => {
      started.push(i.record.recordId);
      release(); // e.g. its pipeline ran and it only waits for a group commit now
      release(); // twice is harmless
      await new Promise<void>((resolve) => gates.set(i.record.recordId, resolve));
    });
    q.addAll([item('a', 'a1', '2020-01-01'), item('a', 'a2', '2020-02-01'), item('b', 'b1', '2020-01-01'), item('c', 'c1', '2020-01-01')]);
    q.start();
    await new Promise((res) => setTimeout(res, 10));
    // One slot, released at once by each: a1, b1 and c1 all started; a2 waits for a1 to settle (same patient).
    expect(started).toEqual(['a1', 'b1', 'c1']);
    gates.get('a1')!();
    await new Promise((res) => setTimeout(res, 10));
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2']);
    for (const id of ['b1', 'c1', 'a2']) gates.get(id)!();
    await q.idle();
  });

  it('rejects a bad concurrency, naming it', () => {
    expect(() => new PatientQueue(0, async () => undefined)).toThrow('concurrency: expected a positive integer, got 0');
  });
});
