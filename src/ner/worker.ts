/**
 * Inference worker: owns one onnxruntime session (its native `run` blocks the thread it is called on, so it must not
 * be the main thread), turns a batch of windows into `[batch, length]` int64 tensors, runs the model and decodes each
 * window's emissions with the CRF before replying.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeWindow } from './decode.js';
import { openOnnxSession, type OnnxSession, type TensorInput } from './session.js';
import type { RunBatch, WorkerInit, WorkerMessage } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const post = (m: WorkerMessage): void => port.postMessage(m);
/** One run computes every head's output, and only those (a graph may export more). */
const outputNames = [...new Set(init.heads.map((h) => h.output))];

function buildInputs(batch: RunBatch): { feeds: Record<string, TensorInput>; width: number } {
  const size = batch.lengths.length;
  let longest = 0;
  for (const n of batch.lengths) if (n > longest) longest = n;
  const width = longest + 2; // [CLS] content [SEP]
  const ids = new BigInt64Array(size * width).fill(BigInt(init.pad)); // [batch, width]
  const mask = new BigInt64Array(size * width); // [batch, width], 1 on real tokens
  let read = 0;
  for (let b = 0; b < size; b++) {
    const n = batch.lengths[b] as number;
    const row = b * width;
    ids[row] = BigInt(init.cls);
    for (let t = 0; t < n; t++) ids[row + 1 + t] = BigInt(batch.ids[read + t] as number);
    ids[row + 1 + n] = BigInt(init.sep);
    mask.fill(1n, row, row + n + 2);
    read += n;
  }
  return {
    feeds: {
      input_ids: { type: 'int64', data: ids, dims: [size, width] },
      attention_mask: { type: 'int64', data: mask, dims: [size, width] },
    },
    width,
  };
}

async function runBatch(session: OnnxSession, batch: RunBatch): Promise<WorkerMessage> {
  const started = performance.now();
  const { feeds, width } = buildInputs(batch);
  const out = await session.run(feeds, outputNames);
  const size = batch.lengths.length;
  const emissions = init.heads.map((head) => {
    const e = out[head.output];
    const L = head.crf.numLabels;
    if (!e) throw new Error(`model produced no '${head.output}' output`);
    const [d0, d1, d2] = e.dims;
    if (e.dims.length !== 3 || d0 !== size || d1 !== width || d2 !== L) {
      throw new Error(`${head.output} dims [${e.dims.join(', ')}], expected [${size}, ${width}, ${L}] (${head.labelsFile} has ${L} labels)`);
    }
    return e.data;
  });
  const runMs = performance.now() - started;
  // Emissions of [CLS] (index 0), [SEP] and padding are ignored: each view starts one row in.
  const spans = Array.from(batch.lengths, (n, b) =>
    init.heads.map((head, h) => {
      const L = head.crf.numLabels;
      return decodeWindow({ data: emissions[h] as Float32Array, offset: b * width * L + L, length: n }, head.crf, head.scheme);
    }),
  );
  return { type: 'result', batchId: batch.batchId, spans, runMs };
}

async function main(p: NonNullable<typeof port>): Promise<void> {
  let session: OnnxSession;
  try {
    session = await openOnnxSession(init.onnxPath, init);
    const lacking = ['input_ids', 'attention_mask'].filter((n) => !session.inputNames.includes(n));
    if (lacking.length > 0 || outputNames.some((n) => !session.outputNames.includes(n))) {
      throw new Error(
        `graph inputs [${session.inputNames.join(', ')}] / outputs [${session.outputNames.join(', ')}], ` +
          `expected inputs input_ids, attention_mask and output${outputNames.length > 1 ? 's' : ''} ${outputNames.join(', ')}`,
      );
    }
    // Probe with one short window so a graph whose output widths disagree with the labels fails at load, not later.
    await runBatch(session, { type: 'run', batchId: -1, lengths: Int32Array.of(1), ids: Int32Array.of(init.pad) });
  } catch (err) {
    post({ type: 'init-error', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  post({ type: 'ready', provider: session.provider, fallback: session.fallback });
  // One batch at a time: the pool never sends a second batch before this one answers.
  p.on('message', (batch: RunBatch) => {
    runBatch(session, batch).then(post, (err: unknown) =>
      post({ type: 'error', batchId: batch.batchId, message: err instanceof Error ? err.message : String(err) }),
    );
  });
}

void main(port);
