/**
 * The whole path with the real model: submit → NER → rules → assertion → normalise → time → graph (JobService over a
 * throw-away Neo4j), records/s for each NER pool size (1 and all cores) with a transaction per record and with the
 * default group commit. Records are the bench texts spread over as many patients (no per-patient ordering waits).
 */
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DEFAULT_GROUP_COMMIT, JobService } from '../../src/jobs/index.js';
import { createNerEngine } from '../../src/ner/index.js';
import { openRecordPipeline } from '../../src/pipeline/index.js';
import { benchGraph } from './bench-neo4j.js';
import { round } from './stats.js';
import type { BenchContext } from './section.js';

export interface EndToEndPoint {
  nerPoolSize: number;
  recordsPerTransaction: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

export async function endToEnd(ctx: BenchContext, texts: readonly string[], modelDir: string, records: number): Promise<EndToEndPoint[]> {
  const { driver, close } = await benchGraph(ctx, process.env['NEO4J_URI'], 'neo4j-e2e-');
  const points: EndToEndPoint[] = [];
  try {
    await driver.applySchema();
    for (const poolSize of [...new Set([1, availableParallelism()])]) {
      const engine = await createNerEngine({ modelDir, poolSize, intraOpThreads: 1, executionProviders: ['cpu'], log: () => undefined });
      try {
        const pipeline = await openRecordPipeline(engine);
        await pipeline.run({ text: texts[0] as string, recordedAt: '2020-01-01' }); // warm-up: model and vocabulary
        for (const maxRecords of [1, DEFAULT_GROUP_COMMIT.maxRecords]) {
          // Concurrency as the server runs it (JOB_CONCURRENCY 2) scaled with the pool: enough records to fill it.
          const jobs = new JobService({
            driver, pipeline, concurrency: Math.max(2, poolSize * 2), groupCommit: { maxRecords, lingerMs: 0 }, resume: false, log: () => undefined,
          });
          await jobs.start();
          const run = randomUUID().slice(0, 8);
          const batch = Array.from({ length: records }, (_, i) => ({
            patientId: `e2e-${run}-p${i}`, recordId: `e2e-${run}-r${i}`, kind: 'PROGRESS' as const, recordedAt: '2020-01-01',
            text: texts[i % texts.length] as string,
          }));
          const t0 = performance.now();
          const job = await jobs.submit(batch);
          await jobs.idle();
          const seconds = (performance.now() - t0) / 1000;
          await jobs.stop();
          const done = await jobs.get(job.id);
          if (done?.status !== 'SUCCEEDED') throw new Error(`e2e: job ended ${done?.status ?? 'missing'}`);
          points.push({ nerPoolSize: poolSize, recordsPerTransaction: maxRecords, records, seconds: round(seconds), recordsPerSecond: round(records / seconds) });
          ctx.log(`pipeline: end to end, NER pool ${poolSize}, ${maxRecords} records per transaction: ${points.at(-1)!.recordsPerSecond} records/s`);
        }
      } finally {
        await engine.close();
      }
    }
  } finally {
    await close();
  }
  return points;
}
