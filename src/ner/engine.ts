import { availableParallelism } from 'node:os';
import type { EntityMention, EntityType } from '../domain/index.js';
import { stderrLog, type Log } from '../log/index.js';
import { NerError, unknownHeadError } from './errors.js';
import { mergeHeads } from './merge-heads.js';
import { defaultModelDir } from './model-dir.js';
import { loadModelFolder, type ModelFolder, type ModelHead } from './model-folder.js';
import { snapNumberEdges } from './number-edges.js';
import { InferencePool } from './pool.js';
import { tokenize, type Tokens } from './tokenizer/tokenize.js';
import { mergeWindowSpans, planWindows, type ScoredSpan } from './window.js';
import { resolveWorkerUrl } from './worker-url.js';

export interface NerEngineOptions {
  /** Model folder; default env `MODEL_DIR`, else `models/ccks-union-hybrid`. */
  modelDir?: string;
  /** Another ONNX file in the folder (e.g. `model.int8.onnx`); default `config.json` `onnxFile`. */
  onnxFile?: string;
  /** Inference workers; default min(4, cores). */
  poolSize?: number;
  /** onnxruntime intra-op threads per worker; default 1 (parallelism comes from the pool). */
  intraOpThreads?: number;
  /** Tried in order; default `['cuda', 'cpu']` (CPU fallback is logged once). */
  executionProviders?: string[];
  /** Most records in flight (queued or running) before `extract` rejects with `NER_QUEUE_FULL`; default 1024. */
  maxQueue?: number;
  /** Most windows per batch; default 16. */
  maxBatchWindows?: number;
  /** Most padded tokens per batch; default 8192. */
  maxBatchTokens?: number;
  /** Where operational messages go (never record text); default stderr. */
  log?: Log;
}

export interface NerHeadInfo {
  name: string;
  /** The head's entity labels as trained, e.g. `['症状和体征', ...]`. */
  labels: string[];
  /** Platform type of each label, same order. */
  types: EntityType[];
  /** The labels it contributes to the served output. */
  serve: string[];
  /** Labels of earlier heads its served entities may contain (CONTRACTS.md § Heads); [] for most heads. */
  nestOver: string[];
}

export interface NerModelInfo {
  name: string;
  version: string;
  dir: string;
  /** Served entity labels (the union of the heads' `serve`, head order), e.g. `['疾病和诊断', ...]`. */
  labels: string[];
  /** Platform type of each label, same order. */
  types: EntityType[];
  /** CRF heads in priority order; one (named after the model) for a folder without config.json `heads`. */
  heads: NerHeadInfo[];
  precision: 'fp32' | 'int8';
  /** The execution provider the workers run on. */
  provider: string;
  /** Rule layers adding entities to the served output (`rules/with-therapy-terms.ts`); absent = the model alone. */
  rules?: string[];
}

export interface ExtractOptions {
  /** Return this head's own entities (all its labels, no merge with other heads), e.g. for evaluation. */
  head?: string;
}

export interface NerEngine {
  readonly model: NerModelInfo;
  /**
   * Entities of one text, sorted by start, then end; offsets are UTF-16 code units. Empty text → []. A head's own
   * output (`options.head`, or a single-head model) never overlaps; the served output of a multi-head model may hold
   * nested entities (a later head's entity around earlier heads' `nestOver` ones), never partial overlaps or two
   * entities with the same span.
   * An unknown `options.head` rejects with `NER_UNKNOWN_HEAD`.
   */
  extract(text: string, options?: ExtractOptions): Promise<EntityMention[]>;
  /** Entities of each text; runs them concurrently (bounded) so their windows share batches. */
  extractMany(texts: readonly string[], options?: ExtractOptions): Promise<EntityMention[][]>;
  /** Rejects pending work with `NER_ENGINE_CLOSED` and stops the workers. */
  close(): Promise<void>;
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new NerError('BAD_USER_INPUT', `${name}: expected a positive integer, got ${String(value)}`);
  return v;
}

/**
 * Loads a model folder and starts the inference pool.
 * @example
 *   const engine = await createNerEngine({ modelDir: 'models/ccks-union-hybrid', poolSize: 2 });
 *   await engine.extract('患者行直肠癌根治术') // → [{ start: 3, end: 9, text: '直肠癌根治术', label: '手术', type: 'SURGERY', confidence: 0.97 }]
 */
export async function createNerEngine(options: NerEngineOptions = {}): Promise<NerEngine> {
  const poolSize = positiveInt('poolSize', options.poolSize, Math.min(4, availableParallelism()));
  const intraOpThreads = positiveInt('intraOpThreads', options.intraOpThreads, 1);
  const maxQueue = positiveInt('maxQueue', options.maxQueue, 1024);
  const maxBatchTokens = positiveInt('maxBatchTokens', options.maxBatchTokens, 8192);
  const log = options.log ?? stderrLog;
  const folder = await loadModelFolder(options.modelDir ?? defaultModelDir(), {
    ...(options.onnxFile !== undefined ? { onnxFile: options.onnxFile } : {}),
  });
  // Dynamic int8 quantisation scales activations by the min/max of the whole input tensor, so a window's result
  // would depend on what it is batched with; int8 models run one window per call (same as the Python reference).
  const maxBatchWindows = positiveInt('maxBatchWindows', options.maxBatchWindows, folder.precision === 'int8' ? 1 : 16);
  const pool = await InferencePool.start({
    workerUrl: resolveWorkerUrl(),
    size: poolSize,
    maxBatchWindows,
    maxBatchTokens: Math.max(maxBatchTokens, folder.window.size + 2),
    log,
    init: {
      onnxPath: folder.onnxPath,
      intraOpThreads,
      executionProviders: options.executionProviders ?? ['cuda', 'cpu'],
      heads: folder.heads.map(({ output, labelsFile, crf, scheme }) => ({ output, labelsFile, crf, scheme })),
      cls: folder.special.cls,
      sep: folder.special.sep,
      pad: folder.special.pad,
    },
  });
  return new Engine(folder, pool, maxQueue);
}

class Engine implements NerEngine {
  readonly model: NerModelInfo;
  private inFlight = 0;
  private closed = false;

  constructor(private readonly folder: ModelFolder, private readonly pool: InferencePool, private readonly maxQueue: number) {
    this.model = {
      name: folder.name,
      version: folder.version,
      dir: folder.dir,
      labels: [...folder.labels],
      types: [...folder.platformTypes],
      heads: folder.heads.map((h) => ({ name: h.name, labels: [...h.scheme.types], types: [...h.platformTypes], serve: [...h.serve], nestOver: [...h.nestOver] })),
      precision: folder.precision,
      provider: pool.provider,
    };
  }

  async extract(text: string, options?: ExtractOptions): Promise<EntityMention[]> {
    if (typeof text !== 'string') throw new NerError('BAD_USER_INPUT', `extract(text): expected a string, got ${text === null ? 'null' : typeof text}`);
    const head = this.headOf(options);
    if (this.closed) throw new NerError('NER_ENGINE_CLOSED', 'the NER engine is closed');
    if (this.inFlight >= this.maxQueue) {
      throw new NerError('NER_QUEUE_FULL', `NER queue full: ${this.inFlight} records in flight (maxQueue ${this.maxQueue}); retry later or raise maxQueue`);
    }
    if (text.length === 0) return [];
    this.inFlight++;
    try {
      return await this.decode(text, head);
    } finally {
      this.inFlight--;
    }
  }

  async extractMany(texts: readonly string[], options?: ExtractOptions): Promise<EntityMention[][]> {
    if (!Array.isArray(texts)) throw new NerError('BAD_USER_INPUT', `extractMany(texts): expected an array of strings, got ${typeof texts}`);
    this.headOf(options); // an unknown head fails before any work, even for an empty list
    const results: EntityMention[][] = new Array<EntityMention[]>(texts.length);
    // Bounded concurrency: enough records in flight to fill batches, never enough to overflow the queue by itself.
    const concurrency = Math.max(1, Math.min(64, Math.floor(this.maxQueue / 2) || 1));
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < texts.length) {
        const i = next++;
        results[i] = await this.extract(texts[i] as string, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, texts.length) }, lane));
    return results;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }

  /** The index of the requested head, or null for the served (merged) output. */
  private headOf(options: ExtractOptions | undefined): number | null {
    if (options === undefined) return null;
    if (typeof options !== 'object' || options === null) throw new NerError('BAD_USER_INPUT', `extract options: expected an object, got ${options === null ? 'null' : typeof options}`);
    const { head } = options;
    if (head === undefined) return null;
    if (typeof head !== 'string') throw new NerError('BAD_USER_INPUT', `extract options.head: expected a string, got ${typeof head}`);
    const index = this.folder.heads.findIndex((h) => h.name === head);
    if (index < 0) throw unknownHeadError(head, this.folder.heads.map((h) => h.name));
    return index;
  }

  private async decode(text: string, head: number | null): Promise<EntityMention[]> {
    const { vocab, special, window, heads } = this.folder;
    const tokens = tokenize(text, vocab, special);
    const windows = planWindows(tokens.ids.length, window.size, window.overlap);
    // One submit per window returns every head's spans (one ONNX run); each head merges its windows on its own,
    // then no edge of its spans stays inside a number (number-edges.ts; the Python reference does the same).
    const perWindow = await Promise.all(windows.map((w) => this.pool.submit(tokens.ids.subarray(w.start, w.end))));
    const headMentions = (h: number): EntityMention[] => {
      const spans = mergeWindowSpans(windows, perWindow.map((w) => w[h] ?? []));
      return snapNumberEdges(text, toMentions(text, tokens, spans, heads[h] as ModelHead));
    };
    if (head !== null) return headMentions(head);
    return mergeHeads(heads.map((_, h) => headMentions(h)), heads.map((h) => h.serve), heads.map((h) => h.nestOver));
  }
}

/** Token spans of one head → mentions with UTF-16 offsets, the head's label and its platform type. */
function toMentions(text: string, tokens: Tokens, spans: readonly ScoredSpan[], head: ModelHead): EntityMention[] {
  return spans.map((span) => {
    const start = tokens.offsets[span.start] as number;
    const end = tokens.offsets[span.end] as number;
    return {
      start,
      end,
      text: text.slice(start, end),
      label: head.scheme.types[span.typeIndex] as string,
      type: head.platformTypes[span.typeIndex] as EntityType,
      confidence: span.confidence,
    };
  });
}
