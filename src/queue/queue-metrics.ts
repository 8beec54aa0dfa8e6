/**
 * Prometheus metrics of one process (prom-client), served at `/metrics` (a worker's health port, or METRICS_PORT of an
 * API process). Numbers only: never ids or text in labels.
 *
 * | metric | type | meaning |
 * |---|---|---|
 * | `oncotimeline_records_processed_total{status}` | counter | records this process finished: DONE, FAILED (RETRIES_EXHAUSTED included) |
 * | `oncotimeline_ner_chars_total` | counter | characters through NER (jobs and previews); `rate()` = NER chars/s |
 * | `oncotimeline_stage_seconds{stage}` | histogram | `ner`, `pipeline` (all stages), `record` (pipeline + graph write) |
 * | `oncotimeline_queue_tokens{state}` | gauge | Redis queue: patient tokens waiting, active, delayed, failed (dead-lettered) |
 * | `oncotimeline_subscriptions` | gauge | live GraphQL subscriptions of this API process |
 * | `oncotimeline_neo4j_transaction_retries_total` | counter | record write transactions the driver ran again |
 * | `process_*`, `nodejs_*` | | prom-client's default process metrics |
 *
 * @example
 *   const metrics = new QueueMetrics();
 *   const pipeline = metrics.timePipeline(await openRecordPipeline(metrics.timeNer(engine)));
 *   (await metrics.render()).body   // '# HELP oncotimeline_records_processed_total ...'
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobObserver } from '../jobs/index.js';
import type { EntityExtractor, RecordPipeline } from '../pipeline/index.js';

export interface MetricSources {
  /** Token counts by state (RedisJobQueue.tokenCounts). */
  queueTokens?: () => Promise<Record<string, number>>;
  subscriptions?: () => number;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class QueueMetrics implements JobObserver {
  readonly registry = new Registry();
  private readonly records: Counter<'status'>;
  private readonly nerChars: Counter;
  private readonly stageSeconds: Histogram<'stage'>;
  private readonly retries: Counter;
  private sources: MetricSources = {};

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.records = new Counter({ name: 'oncotimeline_records_processed_total', help: 'Records this process finished, by status.', labelNames: ['status'], registers });
    this.nerChars = new Counter({ name: 'oncotimeline_ner_chars_total', help: 'Characters run through NER (jobs and previews).', registers });
    this.stageSeconds = new Histogram({ name: 'oncotimeline_stage_seconds', help: 'Latency of ner, pipeline (all stages) and record (pipeline + graph write).',
      labelNames: ['stage'], buckets: BUCKETS, registers });
    this.retries = new Counter({ name: 'oncotimeline_neo4j_transaction_retries_total', help: 'Record write transactions the Neo4j driver ran again.', registers });
    const sources = (): MetricSources => this.sources;
    new Gauge({
      name: 'oncotimeline_queue_tokens', help: 'Redis queue: patient tokens by state (failed = dead-lettered).', labelNames: ['state'], registers,
      async collect() {
        const counts = await sources().queueTokens?.().catch(() => null);
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'oncotimeline_subscriptions', help: 'Live GraphQL subscriptions of this process.', registers,
      collect() {
        const count = sources().subscriptions?.();
        if (count !== undefined) this.set(count);
      },
    });
  }

  /** Sources known only once the process is composed (the queue, the pubsub). */
  observe(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  recordFinished(status: 'DONE' | 'FAILED', seconds: number): void {
    this.records.inc({ status });
    this.stageSeconds.observe({ stage: 'record' }, seconds);
  }

  transactionRetried(): void {
    this.retries.inc();
  }

  /** The same extractor, counting characters and timing each call. */
  timeNer(ner: EntityExtractor): EntityExtractor {
    const { nerChars, stageSeconds } = this;
    return {
      get model() {
        return ner.model;
      },
      async extract(text) {
        const end = stageSeconds.startTimer({ stage: 'ner' });
        try {
          return await ner.extract(text);
        } finally {
          end();
          nerChars.inc(text.length);
        }
      },
    };
  }

  /** The same pipeline, timing each run. */
  timePipeline(pipeline: RecordPipeline): RecordPipeline {
    const { stageSeconds } = this;
    return {
      stages: pipeline.stages,
      model: pipeline.model,
      async run(input) {
        const end = stageSeconds.startTimer({ stage: 'pipeline' });
        try {
          return await pipeline.run(input);
        } finally {
          end();
        }
      },
    };
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
