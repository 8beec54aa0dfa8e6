/**
 * `oncotimeline reprocess [--stale] [--patient ID ...] [--model DIR]`: runs the current record pipeline again over
 * records already stored (after a new model, rule or vocabulary version), as ordinary durable jobs: each record's
 * extraction is replaced, never duplicated, and a crash mid-run loses nothing (the queued records resume with the
 * server or the next `reprocess`). `--stale`: only records another pipeline version produced, or whose last run failed,
 * so running it twice does the work once. Progress on stderr, a summary on stdout; exit 0 when every record was stored.
 *
 * @example
 *   oncotimeline reprocess --stale
 *   // reprocessed 12 records: 12 stored, 0 failed; 311 entities in 9.8 s (pipeline ner@… → rules@… → …)
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';
import { openGraph, storedRecords } from '../graph/index.js';
import { JobService, type JobView } from '../jobs/index.js';
import { createNerEngine } from '../ner/index.js';
import { describePipeline, openRecordPipeline } from '../pipeline/index.js';
import { ProgressBar } from './ingest.progress.js';

const USAGE = `usage: oncotimeline reprocess [--stale] [--patient ID ...] [--model DIR]
Runs the current pipeline (ner → rules → assertion → normalise → time) over stored records again.
  --stale        only records produced by another pipeline version, or failed
  --patient ID   only this patient's records (repeatable)
Neo4j: NEO4J_URI, else the embedded one (DATA_DIR, NEO4J_BOLT_PORT). Model: --model, else MODEL_DIR.
`;

/** Records read, submitted and waited for per round: bounds memory on archives of any size. */
const PAGE = 500;

export async function run(args: string[]): Promise<number> {
  let options: ReprocessOptions;
  let model: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args, allowPositionals: false, strict: true,
      options: {
        stale: { type: 'boolean' }, patient: { type: 'string', multiple: true }, model: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new Error(`expected no positional arguments, got ${positionals.length}`);
    options = { stale: values.stale === true, ...(values.patient ? { patientIds: values.patient } : {}) };
    model = values.model;
  } catch (err) {
    process.stderr.write(`oncotimeline reprocess: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  return reprocess(loadConfig(model === undefined ? process.env : { ...process.env, MODEL_DIR: model }), options);
}

export interface ReprocessOptions {
  stale: boolean;
  patientIds?: readonly string[];
}

export async function reprocess(config: Config, options: ReprocessOptions, log = (m: string): void => {
  process.stderr.write(`${m}\n`);
}): Promise<number> {
  const started = Date.now();
  const graph = await openGraph({ ...config.neo4j, dataDir: config.dataDir, log });
  try {
    const ner = await createNerEngine({ modelDir: config.ner.modelDir, poolSize: config.ner.poolSize, intraOpThreads: config.ner.intraOpThreads, log });
    try {
      const pipeline = await openRecordPipeline(ner);
      const current = describePipeline(pipeline);
      // resume: false: leftovers of a server are the server's to resume; this run finishes its own jobs.
      const service = new JobService({ driver: graph.driver, pipeline, concurrency: config.jobConcurrency, groupCommit: config.groupCommit, log: () => undefined, resume: false });
      const bar = new ProgressBar(process.stderr, 0);
      const jobIds: string[] = [];
      const latest = new Map<string, JobView>();
      service.on('progress', (e) => {
        latest.set(e.job.id, e.job);
        const views = [...latest.values()];
        bar.update({ done: sum(views, 'done'), failed: sum(views, 'failed'), entities: sum(views, 'entities') });
      });
      await service.start();
      let after = '';
      let seen = 0;
      for (;;) {
        // With --stale, records this run finishes no longer match, so paging continues by id past them.
        const page = await storedRecords(graph.driver, {
          after, limit: Math.min(PAGE, config.limits.maxRecordsPerCall),
          ...(options.patientIds ? { patientIds: options.patientIds } : {}),
          ...(options.stale ? { pipeline: current } : {}),
        });
        if (page.length === 0) break;
        after = page.at(-1)!.recordId;
        seen += page.length;
        bar.setTotal(seen);
        jobIds.push((await service.submit(page)).id);
        await service.idle();
      }
      await service.stop();
      bar.finish();
      const jobs = (await service.getMany(jobIds)).filter((j): j is JobView => j !== null);
      const done = sum(jobs, 'done');
      const failed = sum(jobs, 'failed');
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`reprocessed ${seen} records: ${done - failed} stored, ${failed} failed; ${sum(jobs, 'entities')} entities in ` +
        `${seconds.toFixed(1)} s (pipeline ${current})\n`);
      for (const job of jobs) for (const e of job.errors) process.stdout.write(`failed ${e.recordId}: ${e.code}: ${e.message}\n`);
      return failed === 0 && done === seen ? 0 : 1;
    } finally {
      await ner.close();
    }
  } finally {
    await graph.close();
  }
}

function sum(jobs: readonly JobView[], key: 'done' | 'failed' | 'entities'): number {
  return jobs.reduce((s, j) => s + j[key], 0);
}
