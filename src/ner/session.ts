/**
 * The only module that imports onnxruntime-node (style: one runtime adapter). Opens a session with execution
 * providers tried in order — `['cuda', 'cpu']` falls back to CPU when the CUDA provider library is absent (the npm
 * package bundles only CPU) — and runs float32/int64 tensors.
 */
import * as ort from 'onnxruntime-node';

// Provider-library load failures are reported through the thrown error (and our one fallback line); keep ORT's own
// native logger from printing them a second time.
ort.env.logLevel = 'fatal';

export interface SessionOptions {
  intraOpThreads: number;
  /** Tried in order; each failure moves to the rest of the list. */
  executionProviders: readonly string[];
}

export interface TensorInput {
  type: 'int64' | 'float32';
  data: BigInt64Array | Float32Array;
  dims: readonly number[];
}

export interface FloatOutput {
  data: Float32Array;
  dims: readonly number[];
}

export interface OnnxSession {
  /** The provider the session runs on. */
  provider: string;
  /** Why earlier providers in the list were skipped (null when the first one worked). */
  fallback: string | null;
  inputNames: readonly string[];
  outputNames: readonly string[];
  /** Runs the graph; `outputs` limits what is computed and returned (default: every output). */
  run(feeds: Record<string, TensorInput>, outputs?: readonly string[]): Promise<Record<string, FloatOutput>>;
  release(): Promise<void>;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

export async function openOnnxSession(source: string | Uint8Array, options: SessionOptions): Promise<OnnxSession> {
  const providers = options.executionProviders.length > 0 ? [...options.executionProviders] : ['cpu'];
  const skipped: string[] = [];
  for (let i = 0; i < providers.length; i++) {
    const tried = providers.slice(i);
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      executionProviders: tried,
      intraOpNumThreads: options.intraOpThreads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    };
    try {
      const session =
        typeof source === 'string'
          ? await ort.InferenceSession.create(source, sessionOptions)
          : await ort.InferenceSession.create(source, sessionOptions);
      return wrap(session, tried[0] as string, skipped.length > 0 ? skipped.join('; ') : null);
    } catch (err) {
      if (i === providers.length - 1) throw err;
      skipped.push(`execution provider '${providers[i]}' unavailable (${firstLine(err)})`);
    }
  }
  throw new Error('no execution provider given');
}

function wrap(session: ort.InferenceSession, provider: string, fallback: string | null): OnnxSession {
  return {
    provider,
    fallback,
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds, outputs) {
      const ortFeeds: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor(t.type, t.data, t.dims);
      const out = outputs ? await session.run(ortFeeds, outputs) : await session.run(ortFeeds);
      const result: Record<string, FloatOutput> = {};
      for (const [name, tensor] of Object.entries(out)) {
        if (tensor.type !== 'float32') throw new Error(`output '${name}' is ${tensor.type}, expected float32`);
        result[name] = { data: tensor.data as Float32Array, dims: tensor.dims };
      }
      return result;
    },
    release: () => session.release(),
  };
}
