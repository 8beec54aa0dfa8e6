/**
 * Bench section `ingest`: how fast extractions go into Neo4j and how fast a timeline comes back.
 * - batched: `replaceExtraction` (one UNWIND statement, one transaction per record) → records/s, entities/s;
 * - single: the same records written one statement and one transaction per entity → entities/s; the ratio
 *   batched/single is measured in the same run, on the same server;
 * - timeline: p50/p99 of `ReadRepository.timeline` for one patient with `--timeline-events` (500) events.
 * Synthetic extractions (bench/src/ingest.synthetic.ts) isolate the graph from NER speed, which the `ner` section measures.
 * Neo4j: `NEO4J_URI`, else an embedded one on a free port with a throw-away store under `bench/tmp/`.
 * Flags: --ingest-records (200), --ingest-single-records (40), --entities-per-record (20), --timeline-events (500),
 * --timeline-queries (300).
 */
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { GraphDriver } from '../../src/graph/driver.js';
import { replaceExtraction, replaceExtractionOneByOne } from '../../src/graph/extraction.repo.js';
import type { RecordExtraction } from '../../src/graph/extraction.rows.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { syntheticExtraction } from './ingest.synthetic.js';
import { benchNeo4j } from './bench-neo4j.js';
import { option, type BenchContext, type BenchSection, type SectionResult } from './section.js';

interface WriteResult {
  records: number;
  entities: number;
  seconds: number;
  recordsPerSecond: number;
  entitiesPerSecond: number;
  roundTrips: number;
}

export const ingestBench: BenchSection = {
  name: 'ingest',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const n = (flag: string, fallback: number): number => Number(option(ctx, flag, '', String(fallback)));
    const sizes = {
      batchedRecords: n('ingest-records', 200),
      singleRecords: n('ingest-single-records', 40),
      entitiesPerRecord: n('entities-per-record', 20),
      timelineEvents: n('timeline-events', 500),
      timelineQueries: n('timeline-queries', 300),
    };
    const loadAtStart = round(loadavg()[0] ?? 0);
    const server = await connect(ctx);
    try {
      const { driver } = server;
      await driver.applySchema();
      const run = randomUUID().slice(0, 8);
      const make = (kind: string, count: number, patients: number): RecordExtraction[] =>
        Array.from({ length: count }, (_, i) => syntheticExtraction({
          patientId: `bench-${run}-${kind}-p${i % patients}`, recordId: `bench-${run}-${kind}-r${i}`,
          recordedAt: '2020-01-01', index: i, entitiesPerRecord: sizes.entitiesPerRecord,
        }));

      ctx.log('ingest: warm-up');
      await writeBatched(driver, make('warm', 20, 5));
      await writeSingle(driver, make('warm1', 3, 3));
      ctx.log(`ingest: batched, ${sizes.batchedRecords} records × ${sizes.entitiesPerRecord} entities`);
      const batched = await writeBatched(driver, make('batched', sizes.batchedRecords, 50));
      ctx.log(`ingest: one write per entity, ${sizes.singleRecords} records`);
      const single = await writeSingle(driver, make('single', sizes.singleRecords, 10));
      const ratio = batched.entitiesPerSecond / single.entitiesPerSecond;

      ctx.log(`ingest: timeline of one patient with ${sizes.timelineEvents} events`);
      const timeline = await timelineLatency(driver, run, sizes.timelineEvents, sizes.entitiesPerRecord, sizes.timelineQueries);
      // The machine may be shared (model training): record the load the numbers were taken under.
      const loadAverage1m = { start: loadAtStart, end: round(loadavg()[0] ?? 0) };
      const summary = { neo4j: server.description, loadAverage1m, sizes, batched, single, batchedOverSingleEntitiesPerSecond: round(ratio), timeline };
      return { summary, markdown: markdown(summary) };
    } finally {
      await server.close();
    }
  },
};

async function writeBatched(driver: GraphDriver, records: readonly RecordExtraction[]): Promise<WriteResult> {
  await seedRecords(driver, records);
  return measure(driver, records, async (x) => {
    await driver.writeTransaction((tx) => replaceExtraction(tx, x, new Date().toISOString()));
  });
}

async function writeSingle(driver: GraphDriver, records: readonly RecordExtraction[]): Promise<WriteResult> {
  await seedRecords(driver, records);
  return measure(driver, records, (x) => replaceExtractionOneByOne(driver, x, new Date().toISOString()));
}

/** Records must exist before their extraction is written (as after `submit`); not part of the timing. */
async function seedRecords(driver: GraphDriver, records: readonly RecordExtraction[]): Promise<void> {
  for (const x of records) {
    await driver.writeTransaction((tx) => replaceExtraction(tx, { ...x, entities: [], timexes: [], links: [], resolutions: [] }, ''));
  }
}

async function measure(driver: GraphDriver, records: readonly RecordExtraction[], write: (x: RecordExtraction) => Promise<void>): Promise<WriteResult> {
  driver.resetRoundTrips();
  const t0 = process.hrtime.bigint();
  for (const x of records) await write(x);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const entities = records.reduce((s, x) => s + x.entities.length, 0);
  return {
    records: records.length, entities, seconds: round(seconds),
    recordsPerSecond: round(records.length / seconds), entitiesPerSecond: round(entities / seconds),
    roundTrips: driver.roundTrips,
  };
}

async function timelineLatency(driver: GraphDriver, run: string, events: number, perRecord: number, queries: number) {
  const patientId = `bench-${run}-timeline`;
  const records = Math.ceil(events / perRecord);
  const xs = Array.from({ length: records }, (_, i) => syntheticExtraction({
    patientId, recordId: `bench-${run}-tl-r${i}`, recordedAt: `20${10 + (i % 10)}-06-01`, index: i,
    entitiesPerRecord: i === records - 1 ? events - perRecord * (records - 1) : perRecord,
  }));
  await writeBatched(driver, xs);
  const reads = new ReadRepository(driver);
  const all = ['DISEASE', 'IMAGING', 'LAB_TEST', 'SURGERY', 'DRUG', 'ANATOMY', 'SYMPTOM', 'EXAM', 'TREATMENT'] as const;
  const returned = (await reads.timeline({ patientId, types: all })).length;
  for (let i = 0; i < 20; i++) await reads.timeline({ patientId, types: all }); // warm the plan cache
  const ms: number[] = [];
  for (let i = 0; i < queries; i++) {
    const t0 = process.hrtime.bigint();
    await reads.timeline({ patientId, types: all });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { events: returned, queries, p50Ms: round(pct(ms, 0.5)), p99Ms: round(pct(ms, 0.99)), maxMs: round(ms.at(-1) ?? 0) };
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

interface Server {
  driver: GraphDriver;
  description: string;
  close(): Promise<void>;
}

async function connect(ctx: BenchContext): Promise<Server> {
  const neo4j = await benchNeo4j(ctx, process.env['NEO4J_URI'], 'neo4j-');
  const driver = await GraphDriver.connect({ uri: neo4j.uri, user: process.env['NEO4J_USER'] ?? null, password: process.env['NEO4J_PASSWORD'] ?? null });
  const description = neo4j.embedded
    ? 'Neo4j 5.26.31 Community, embedded (tools/neo4j-dev, -Xmx512m, 64 MiB page cache), Bolt on loopback'
    : `external Neo4j at ${neo4j.uri}`;
  return {
    driver,
    description,
    close: async () => {
      await driver.close();
      await neo4j.stop();
    },
  };
}

function markdown(s: {
  neo4j: string; loadAverage1m: { start: number; end: number }; sizes: Record<string, number>; batched: WriteResult; single: WriteResult;
  batchedOverSingleEntitiesPerSecond: number; timeline: { events: number; queries: number; p50Ms: number; p99Ms: number; maxMs: number };
}): string {
  return [
    '## Ingest into Neo4j',
    '',
    `${s.neo4j}; synthetic extractions, ${s.sizes['entitiesPerRecord']} entities per record; ` +
      `1-min load average ${s.loadAverage1m.start} → ${s.loadAverage1m.end}.`,
    '',
    '| write path | records | entities | records/s | entities/s | round trips |',
    '|---|---:|---:|---:|---:|---:|',
    `| batched (1 UNWIND statement + tx per record) | ${s.batched.records} | ${s.batched.entities} | ${s.batched.recordsPerSecond} | ${s.batched.entitiesPerSecond} | ${s.batched.roundTrips} |`,
    `| one write (tx) per entity | ${s.single.records} | ${s.single.entities} | ${s.single.recordsPerSecond} | ${s.single.entitiesPerSecond} | ${s.single.roundTrips} |`,
    '',
    `Batched / single entities per second: **${s.batchedOverSingleEntitiesPerSecond}×**.`,
    '',
    `Timeline of one patient with ${s.timeline.events} events (${s.timeline.queries} queries): p50 ${s.timeline.p50Ms} ms, p99 ${s.timeline.p99Ms} ms, max ${s.timeline.maxMs} ms.`,
    '',
  ].join('\n');
}
