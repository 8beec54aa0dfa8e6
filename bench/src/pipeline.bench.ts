/**
 * Record pipeline benchmark section: what the stages after NER cost. In one run, on the same CCKS records and the
 * served model: NER alone (`engine.extract`) and the whole pipeline (`pipeline.run`: ner → rules → assertion →
 * normalise → time), alternated twice so drift in machine load hits both; plus each stage's own cost per record,
 * measured by running it alone on documents the NER stage already filled; and the whole path into the graph
 * (pipeline.e2e.ts: records/s per NER pool size, with and without group commit).
 *
 * Flags (or env): --model DIR (MODEL_DIR), --ner-data FILE (BENCH_NER_DATA), --ner-records N (BENCH_NER_RECORDS, 24),
 * --e2e-records N (96; 0 skips the end-to-end part).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readCcksRecords } from '../../src/ner/evaluation/ccks-reader.js';
import { createNerEngine, type NerEngine } from '../../src/ner/index.js';
import { describePipeline, openConceptIndex, openRecordPipeline, recordStages, type RecordDocument } from '../../src/pipeline/index.js';
import { countChars } from './ner/throughput.js';
import { endToEnd, type EndToEndPoint } from './pipeline.e2e.js';
import { option, type BenchContext, type BenchSection, type SectionResult } from './section.js';

const RECORDED_AT = '2020-01-01';

/** Runs `work` over every text with 8 lanes; characters per second. */
async function charsPerSecond(texts: readonly string[], work: (text: string) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < texts.length) await work(texts[next++] as string);
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  const chars = texts.reduce((s, t) => s + countChars(t), 0);
  return Math.round(chars / ((performance.now() - started) / 1000));
}

/** Each non-NER stage alone, ms per record (mean over `rounds` passes), on documents the NER stage already filled. */
async function stageCosts(engine: NerEngine, texts: readonly string[], rounds: number): Promise<Record<string, number>> {
  const stages = recordStages({ ner: engine, concepts: await openConceptIndex() }).filter((s) => s.name !== 'ner');
  const docs: RecordDocument[] = [];
  const ner = stages.length === 0 ? [] : await engine.extractMany(texts);
  const costs: Record<string, number> = Object.fromEntries(stages.map((s) => [s.name, 0]));
  for (let r = 0; r < rounds; r++) {
    docs.length = 0;
    texts.forEach((text, i) => docs.push({ text, recordedAt: RECORDED_AT, entities: [...(ner[i] ?? [])] }));
    for (const stage of stages) {
      const t = performance.now();
      for (const doc of docs) await stage.run(doc);
      costs[stage.name] = (costs[stage.name] ?? 0) + (performance.now() - t);
    }
  }
  for (const k of Object.keys(costs)) costs[k] = Math.round(((costs[k] ?? 0) / (rounds * texts.length)) * 1000) / 1000;
  return costs;
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const modelDir = path.resolve(ctx.repoRoot, option(ctx, 'model', 'MODEL_DIR', 'models/ccks-union-hybrid'));
  const dataFile = path.resolve(ctx.repoRoot, option(ctx, 'ner-data', 'BENCH_NER_DATA', '../shared/data/ccks2019/subtask1_training_part1.txt'));
  const limit = Number(option(ctx, 'ner-records', 'BENCH_NER_RECORDS', '24'));
  const texts = readCcksRecords(readFileSync(dataFile, 'utf8')).slice(0, limit).map((r) => r.text);
  const engine = await createNerEngine({ modelDir, poolSize: availableParallelism(), intraOpThreads: 1, executionProviders: ['cpu'], log: () => undefined });
  try {
    // A fresh pipeline (empty concept cache) per round: the same records again would otherwise hit the cache.
    const fresh = async (): Promise<Awaited<ReturnType<typeof openRecordPipeline>>> => {
      const p = await openRecordPipeline(engine);
      await p.run({ text: '患者无发热', recordedAt: RECORDED_AT }); // warm-up: vocabulary, rule tables
      return p;
    };
    let pipeline = await fresh();
    await engine.extract(texts[0] as string); // warm-up: the model
    const ner: number[] = [];
    const whole: number[] = [];
    for (let round = 0; round < 2; round++) {
      ner.push(await charsPerSecond(texts, (t) => engine.extract(t)));
      pipeline = await fresh();
      const current = pipeline;
      whole.push(await charsPerSecond(texts, (t) => current.run({ text: t, recordedAt: RECORDED_AT })));
      ctx.log(`pipeline: round ${round + 1}: NER ${ner.at(-1)} chars/s, pipeline ${whole.at(-1)} chars/s`);
    }
    const nerBest = Math.max(...ner);
    const wholeBest = Math.max(...whole);
    const perStageMs = await stageCosts(engine, texts, 1);
    const e2eRecords = Number(option(ctx, 'e2e-records', '', '96'));
    const endToEndPoints: EndToEndPoint[] = e2eRecords > 0 ? await endToEnd(ctx, texts, modelDir, e2eRecords) : [];
    const summary = {
      model: path.relative(ctx.repoRoot, modelDir),
      pipeline: describePipeline(pipeline),
      records: texts.length,
      nerCharsPerSecond: nerBest,
      pipelineCharsPerSecond: wholeBest,
      pipelineVsNer: wholeBest / nerBest,
      rounds: { ner, pipeline: whole },
      perStageMsPerRecord: perStageMs,
      endToEnd: endToEndPoints,
    };
    const md = [
      '## Record pipeline',
      '',
      `${texts.length} CCKS 2019 records, model ${summary.model}, concurrency 8, best of 2 alternated rounds each (a fresh pipeline, concept cache cold, per round).`,
      `Pipeline: ${summary.pipeline}.`,
      '',
      '| run | chars/s |',
      '|---|---:|',
      `| NER alone | ${nerBest} |`,
      `| whole pipeline | ${wholeBest} |`,
      '',
      `- pipeline / NER: ${(summary.pipelineVsNer * 100).toFixed(1)}% of NER-alone throughput`,
      `- stages after NER, ms per record (alone, one pass, concept cache cold): ${Object.entries(perStageMs).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      '',
      ...(endToEndPoints.length === 0 ? [] : [
        `End to end (submit → pipeline → graph, JobService over a throw-away Neo4j, ${e2eRecords} records, one patient each):`,
        '',
        '| NER pool size | records per transaction | records/s |',
        '|---:|---:|---:|',
        ...endToEndPoints.map((p) => `| ${p.nerPoolSize} | ${p.recordsPerTransaction} | ${p.recordsPerSecond} |`),
        '',
      ]),
    ].join('\n');
    return { summary, markdown: md };
  } finally {
    await engine.close();
  }
}

export const pipelineBench: BenchSection = { name: 'pipeline', run };
