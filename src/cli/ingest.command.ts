/**
 * `oncotimeline ingest FILE|DIR [--model DIR] [--bulk]`: JSON-lines records → the same jobs and record pipeline as the API
 * (ner → rules → assertion → normalise → time → Neo4j), with a progress bar on stderr and a summary on stdout.
 * Exit 0 when every record was stored, 1 when any was rejected or failed, 2 on usage errors. Neo4j: `NEO4J_URI`, else the embedded one (`DATA_DIR`, `NEO4J_BOLT_PORT`).
 *
 * @example
 *   oncotimeline ingest examples/records.jsonl
 *   // ingested 12 records: 12 stored, 0 failed, 0 rejected; 311 entities in 9.8 s (1.2 records/s, 31.7 entities/s)
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';
import { openGraph } from '../graph/index.js';
import { JobService, type JobView } from '../jobs/index.js';
import { createNerEngine } from '../ner/index.js';
import { openRecordPipeline } from '../pipeline/index.js';
import { relayJobEvents } from '../queue/index.js';
import { InvalidRecordsError } from '../errors/index.js';
import { chunkRecords, readRecordFiles, type Rejection } from './ingest.input.js';
import { ProgressBar } from './ingest.progress.js';

/** Throughput over latency: nobody watches a single record of an archive load. */
const BULK_COMMIT = { maxRecords: 256, lingerMs: 50 } as const;

const USAGE = `usage: oncotimeline ingest FILE|DIR [--model DIR] [--bulk]
Ingests JSON-lines records {patientId, recordId, kind, recordedAt, text} (a file, or every *.jsonl of a folder).
--bulk: an archive load: up to ${BULK_COMMIT.maxRecords} finished records per graph transaction, waiting up to ${BULK_COMMIT.lingerMs} ms to fill one.
Neo4j: NEO4J_URI, else the embedded one (DATA_DIR, NEO4J_BOLT_PORT). Model: --model, else MODEL_DIR.
`;

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

export async function run(args: string[]): Promise<number> {
  let target: string;
  let model: string | undefined;
  let bulk = false;
  try {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { model: { type: 'string' }, bulk: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(`expected one FILE or DIR, got ${positionals.length}`);
    target = positionals[0]!;
    model = values.model;
    bulk = values.bulk === true;
  } catch (err) {
    process.stderr.write(`oncotimeline ingest: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(model === undefined ? process.env : { ...process.env, MODEL_DIR: model });
  return ingest(target, bulk ? { ...config, groupCommit: BULK_COMMIT } : config);
}

export async function ingest(target: string, config: Config): Promise<number> {
  const started = Date.now();
  const input = await readRecordFiles(target, config.limits);
  for (const r of input.rejected) log(`rejected ${r.where}${r.recordId ? ` (${r.recordId})` : ''}: ${r.code}: ${r.message}`);
  if (input.records.length === 0) {
    process.stdout.write(`ingest: no valid records in ${target} (${input.rejected.length} rejected)\n`);
    return 1;
  }

  const graph = await openGraph({ ...config.neo4j, dataDir: config.dataDir, log });
  try {
    const ner = await createNerEngine({ modelDir: config.ner.modelDir, poolSize: config.ner.poolSize,
      intraOpThreads: config.ner.intraOpThreads, log });
    try {
      // resume: false: a CLI run finishes its own jobs; leftovers of a server are the server's to resume.
      // Same pipeline as the server (src/pipeline).
      const pipeline = await openRecordPipeline(ner);
      const service = new JobService({
        driver: graph.driver, pipeline, concurrency: config.jobConcurrency, groupCommit: config.groupCommit, log: () => undefined, resume: false,
      });
      // With REDIS_URL, API processes' subscribers see this run's jobs too (src/queue/event-relay.ts).
      const { redisUrl, queuePrefix } = config.scale;
      const relay = redisUrl === null ? null : await relayJobEvents(service, { url: redisUrl, prefix: queuePrefix, log });
      const before = input.rejected.length;
      const jobs = await runJobs(service, input.records, config.limits.maxRecordsPerCall, input.rejected).finally(() => relay?.close());
      printSummary(jobs, input.rejected, input.records.length - (input.rejected.length - before), Date.now() - started);
      const clean = jobs.every((j) => j.status === 'SUCCEEDED') && input.rejected.length === 0;
      return clean ? 0 : 1;
    } finally {
      await ner.close();
    }
  } finally {
    await graph.close();
  }
}

async function runJobs(service: JobService, records: JobRecords, chunkSize: number, rejected: Rejection[]): Promise<JobView[]> {
  const bar = new ProgressBar(process.stderr, records.length);
  const latest = new Map<string, JobView>();
  const redraw = (): void => {
    const views = [...latest.values()];
    bar.update({
      done: views.reduce((s, j) => s + j.done, 0),
      failed: views.reduce((s, j) => s + j.failed, 0),
      entities: views.reduce((s, j) => s + j.entities, 0),
    });
  };
  service.on('progress', (e) => {
    latest.set(e.job.id, e.job);
    redraw();
  });
  await service.start();
  const ids: string[] = [];
  for (const chunk of chunkRecords(records, chunkSize)) {
    const id = await submitChunk(service, chunk, rejected);
    if (id !== null) ids.push(id);
  }
  await service.idle();
  await service.stop();
  bar.finish();
  // Read back from Neo4j: the stored counters are the truth, whatever events were seen.
  return (await service.getMany(ids)).filter((j): j is JobView => j !== null);
}

type JobRecords = Parameters<typeof chunkRecords>[0];

/** Submits a chunk; records stored under another patient are rejected as the API does and the rest submitted again. */
async function submitChunk(service: JobService, chunk: JobRecords, rejected: Rejection[]): Promise<string | null> {
  try {
    return (await service.submit(chunk)).id;
  } catch (err) {
    if (!(err instanceof InvalidRecordsError)) throw err;
    const bad = new Set(err.problems.map((p) => p.index));
    for (const p of err.problems) {
      rejected.push({ where: 'stored graph', recordId: chunk[p.index]?.recordId ?? null, code: p.code, message: p.message });
    }
    const rest = chunk.filter((_, i) => !bad.has(i));
    return rest.length > 0 ? submitChunk(service, rest, rejected) : null;
  }
}

function printSummary(jobs: readonly JobView[], rejected: readonly Rejection[], accepted: number, ms: number): void {
  const done = jobs.reduce((s, j) => s + j.done, 0);
  const failed = jobs.reduce((s, j) => s + j.failed, 0);
  const entities = jobs.reduce((s, j) => s + j.entities, 0);
  const seconds = ms / 1000;
  const unfinished = accepted - done;
  process.stdout.write(
    `ingested ${accepted + rejected.length} records: ${done - failed} stored, ${failed} failed, ${rejected.length} rejected` +
      `${unfinished > 0 ? `, ${unfinished} unfinished (still queued)` : ''}; ${entities} entities in ${seconds.toFixed(1)} s` +
      ` (${(done / seconds).toFixed(1)} records/s, ${(entities / seconds).toFixed(1)} entities/s)\n`,
  );
  for (const job of jobs) {
    for (const e of job.errors) process.stdout.write(`failed ${e.recordId}: ${e.code}: ${e.message}\n`);
  }
}
