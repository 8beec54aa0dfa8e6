import { Worker } from 'node:worker_threads';
import { NerError } from './errors.js';
import type { ScoredSpan } from './window.js';
import type { RunBatch, WorkerInit, WorkerMessage } from './worker-protocol.js';
import type { Log } from '../log/index.js';

/**
 * A pool of inference workers fed from one queue of windows. Windows from one record and from concurrent records are
 * grouped into batches of EQUAL length, one batch per idle worker at a time. Equal length, not merely similar: the
 * exported hybrid model runs its BiLSTM unpacked, so padding would change the backward direction's states and the
 * emissions (config.json `batching`). Long records batch perfectly anyway: all their windows have length W.
 */
export interface PoolOptions {
  workerUrl: URL;
  size: number;
  init: WorkerInit;
  /** Most windows per batch. */
  maxBatchWindows: number;
  /** Most padded tokens (batch × width) per batch; bounds memory per run. */
  maxBatchTokens: number;
  log: Log;
  /** Metrics hook: called after each batch with its window count and inference time (ms); none by default. */
  onBatch?: (windows: number, runMs: number) => void;
}

interface WindowJob {
  ids: Int32Array;
  /** Spans of each head, in `WorkerInit.heads` order. */
  resolve: (spans: ScoredSpan[][]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  batch: { id: number; jobs: WindowJob[] } | null;
}

/** How far into the queue to look for batch partners (keeps dispatch O(1) per window for huge queues). */
const LOOKAHEAD = 512;

export class InferencePool {
  private readonly slots: Slot[] = [];
  private queue: WindowJob[] = [];
  private nextBatchId = 0;
  private dispatchScheduled = false;
  private closed = false;
  private fallbackLogged = false;
  private providerName = 'cpu';

  private constructor(private readonly options: PoolOptions) {}

  /** Starts `size` workers and waits until each has opened the model; any failure stops them all. */
  static async start(options: PoolOptions): Promise<InferencePool> {
    const pool = new InferencePool(options);
    // Let every worker finish opening the model before stopping any: terminating a worker while onnxruntime is
    // still creating its session aborts the whole process (a native Napi::Error at teardown).
    const started = await Promise.allSettled(Array.from({ length: options.size }, () => pool.spawn()));
    const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      await pool.close();
      throw failure.reason;
    }
    return pool;
  }

  /** Execution provider reported by the workers. */
  get provider(): string {
    return this.providerName;
  }

  /** Decodes one window of content token ids; resolves with window-relative spans of each head (init order). */
  submit(ids: Int32Array): Promise<ScoredSpan[][]> {
    if (this.closed) return Promise.reject(new NerError('NER_ENGINE_CLOSED', 'the NER engine is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ ids, resolve, reject });
      this.scheduleDispatch();
    });
  }

  /** Waiting windows, for diagnostics. */
  get queuedWindows(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const err = new NerError('NER_ENGINE_CLOSED', 'the NER engine was closed before this record was processed');
    for (const job of this.queue) job.reject(err);
    this.queue = [];
    for (const slot of this.slots) for (const job of slot.batch?.jobs ?? []) job.reject(err);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Promise<void> {
    const worker = new Worker(this.options.workerUrl, { workerData: this.options.init });
    const slot: Slot = { worker, ready: false, batch: null };
    this.slots.push(slot);
    return new Promise((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          slot.ready = true;
          this.providerName = m.provider;
          if (m.fallback && !this.fallbackLogged) {
            this.fallbackLogged = true; // once per pool, not once per worker
            this.options.log(`ner: ${m.fallback}; using '${m.provider}'`);
          }
          resolve();
          this.scheduleDispatch();
        } else if (m.type === 'init-error') {
          reject(new NerError('NER_MODEL_LOAD_FAILED', `cannot open ${this.options.init.onnxPath}: ${m.message}`));
        } else {
          this.finishBatch(slot, m);
        }
      });
      worker.on('error', (err) => {
        if (!slot.ready) reject(new NerError('NER_MODEL_LOAD_FAILED', `inference worker failed to start: ${err.message}`, { cause: err }));
        this.failSlot(slot, err);
      });
      worker.on('exit', (code) => {
        if (!slot.ready) reject(new NerError('NER_MODEL_LOAD_FAILED', `inference worker exited with code ${code} while starting`));
        if (!this.closed) this.failSlot(slot, new Error(`inference worker exited with code ${code}`));
      });
    });
  }

  /** A crashed worker fails its batch (never leaves waiters hanging) and is replaced. */
  private failSlot(slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const failure = new NerError('NER_INFERENCE_FAILED', `inference worker failed: ${err.message}`, { cause: err });
    for (const job of slot.batch?.jobs ?? []) job.reject(failure);
    slot.batch = null;
    void slot.worker.terminate();
    if (!this.closed && slot.ready) {
      this.spawn().catch((e: unknown) => this.options.log(`ner: could not replace a failed worker: ${(e as Error).message}`));
    }
    if (this.slots.length === 0) {
      for (const job of this.queue) job.reject(failure);
      this.queue = [];
    }
  }

  private finishBatch(slot: Slot, m: Extract<WorkerMessage, { type: 'result' | 'error' }>): void {
    const batch = slot.batch;
    slot.batch = null;
    if (!batch || batch.id !== m.batchId) return;
    if (m.type === 'result') {
      this.options.onBatch?.(batch.jobs.length, m.runMs);
      batch.jobs.forEach((job, i) => job.resolve(m.spans[i] ?? []));
    } else {
      const err = new NerError('NER_INFERENCE_FAILED', `inference failed on a batch of ${batch.jobs.length} windows: ${m.message}`);
      for (const job of batch.jobs) job.reject(err);
    }
    this.dispatch();
  }

  /** Defers dispatch to the end of the current turn so windows of concurrently submitted records can share batches. */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    let idle = this.slots.filter((s) => s.ready && !s.batch).length;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.batch) continue;
      // Share the queue among the idle workers so one record's windows run in parallel (latency at concurrency 1).
      const jobs = this.takeBatch(Math.ceil(this.queue.length / idle));
      idle--;
      const batchId = this.nextBatchId++;
      slot.batch = { id: batchId, jobs };
      const lengths = Int32Array.from(jobs, (j) => j.ids.length);
      const ids = new Int32Array(lengths.reduce((a, b) => a + b, 0));
      let at = 0;
      for (const job of jobs) {
        ids.set(job.ids, at);
        at += job.ids.length;
      }
      const message: RunBatch = { type: 'run', batchId, lengths, ids };
      slot.worker.postMessage(message, [lengths.buffer, ids.buffer]);
    }
  }

  /** The oldest window plus queued windows of the same length, up to the batch limits and `share`. */
  private takeBatch(share: number): WindowJob[] {
    const head = this.queue[0] as WindowJob;
    const { maxBatchWindows, maxBatchTokens } = this.options;
    const picked = [0];
    const width = head.ids.length + 2;
    const most = Math.max(1, Math.min(share, maxBatchWindows, Math.floor(maxBatchTokens / width)));
    const limit = Math.min(this.queue.length, LOOKAHEAD);
    for (let i = 1; i < limit && picked.length < most; i++) {
      if ((this.queue[i] as WindowJob).ids.length === head.ids.length) picked.push(i);
    }
    const taken = picked.map((i) => this.queue[i] as WindowJob);
    if (picked.length === 1) this.queue.shift();
    else {
      const drop = new Set(picked);
      this.queue = this.queue.filter((_, i) => !drop.has(i));
    }
    return taken;
  }
}
