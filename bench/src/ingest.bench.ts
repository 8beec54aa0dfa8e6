/**
 * Bench section `ingest`: how fast extractions go into Neo4j and how fast a timeline comes back.
 * - batched: `replaceExtraction` (one UNWIND statement, one transaction per record) → records/s, entities/s;
 * - single: the same records written one statement and one transaction per entity → entities/s; the ratio
 *   batched/single is measured in the same run, on the same server;
 * - grouped: the job runner's write path (src/jobs/group-commit.ts: extractions + job items finished, several records
 *   per transaction) at each batch size of --group-sizes, all records offered at once (an archive load) → entities/s,
 *   the knee (smallest size within 10% of the best), and the ratio of the default size to `single`;
 * - index cost: the grouped path at the default size again with the cohort's two composite Mention indexes dropped,
 *   then with every secondary Mention index dropped (recreated afterwards; the store is throw-away);
 * - ceiling: the same mention property maps as bare nodes (`UNWIND … CREATE … SET m = row`: no index, no edge, no
 *   record or job bookkeeping) at the default batch size, and with 3 properties each: the most this Neo4j takes such
 *   rows on this machine, so the grouped figure can be read as a fraction of it;
 * - timeline: p50/p99 of `ReadRepository.timeline` (every type and assertion, so each stored mention is an event) for
 *   one patient with `--timeline-events` (500) events (key `timeline`), and for each of `--timeline-sizes` (`timelines`);
 *   also through GraphQL (`graphql()` on the real schema, the viewer's selection, a fresh request context each time:
 *   DataLoaders, resolvers and serialisation included, HTTP excluded) as `graphqlP50Ms` / `graphqlP99Ms`.
 * Synthetic extractions (bench/src/ingest.synthetic.ts) isolate the graph from NER speed, which the `ner` section measures.
 * Neo4j: `NEO4J_URI`, else an embedded one on a free port with a throw-away store under `bench/tmp/`.
 * Flags: --ingest-records (200), --ingest-single-records (40), --entities-per-record (20), --timeline-events (500),
 * --timeline-queries (300), --timeline-sizes (50,500,5000), --group-records (2000), --group-sizes (1,8,32,128,256).
 */
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { GraphDriver } from '../../src/graph/driver.js';
import { DEFAULT_GROUP_COMMIT, GroupCommitter, submitJob, type CommitEntry } from '../../src/jobs/index.js';
import { replaceExtraction, replaceExtractionOneByOne } from '../../src/graph/extraction.repo.js';
import { mentionRows, type RecordExtraction } from '../../src/graph/extraction.rows.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildApiSchema, createApiPubSub, createContext, type ApiServices } from '../../src/api/index.js';
import { syntheticExtraction } from './ingest.synthetic.js';
import { benchGraph } from './bench-neo4j.js';
import { pct, round } from './stats.js';
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
      groupRecords: n('group-records', 2000),
    };
    const groupSizes = option(ctx, 'group-sizes', '', '1,8,32,128,256').split(',').map(Number);
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

      ctx.log(`ingest: group commit, ${sizes.groupRecords} records at each of ${groupSizes.join(', ')} records per transaction`);
      await writeGrouped(driver, make('gwarm', 200, 200), DEFAULT_GROUP_COMMIT.maxRecords);
      const grouped: GroupedResult[] = [];
      for (const size of groupSizes) {
        grouped.push({ maxRecords: size, ...(await writeGrouped(driver, make(`g${size}`, sizes.groupRecords, sizes.groupRecords), size)) });
      }
      const best = Math.max(...grouped.map((g) => g.entitiesPerSecond));
      const knee = grouped.find((g) => g.entitiesPerSecond >= 0.9 * best)?.maxRecords ?? null;
      const atDefault = grouped.find((g) => g.maxRecords === DEFAULT_GROUP_COMMIT.maxRecords) ?? grouped.at(-1)!;
      ctx.log('ingest: index cost on write');
      const indexCost = await measureIndexCost(driver, (kind) => make(kind, sizes.groupRecords, sizes.groupRecords), atDefault);
      ctx.log('ingest: ceiling (bare nodes with the same properties)');
      const ceiling = await measureCeiling(driver, make('ceil', sizes.groupRecords, sizes.groupRecords), DEFAULT_GROUP_COMMIT.maxRecords);

      const timelineSizes = option(ctx, 'timeline-sizes', '', `50,${sizes.timelineEvents},5000`).split(',').map(Number);
      const timelines: TimelineResult[] = [];
      for (const events of [...new Set(timelineSizes)]) {
        ctx.log(`ingest: timeline of one patient with ${events} events`);
        // Fewer queries for the 5,000-event patient: its p99 is still over 100+ samples.
        const queries = events > 1000 ? Math.max(100, Math.round(sizes.timelineQueries / 3)) : sizes.timelineQueries;
        timelines.push(await timelineLatency(driver, `${run}-${events}`, events, sizes.entitiesPerRecord, queries));
      }
      const timeline = timelines.find((t) => t.events === sizes.timelineEvents) ?? timelines[0]!;
      // The machine may be shared (model training): record the load the numbers were taken under.
      const loadAverage1m = { start: loadAtStart, end: round(loadavg()[0] ?? 0) };
      const summary = {
        neo4j: server.description, loadAverage1m, sizes, batched, single, batchedOverSingleEntitiesPerSecond: round(ratio),
        grouped, groupKnee: knee, groupDefault: DEFAULT_GROUP_COMMIT.maxRecords,
        groupedOverSingleEntitiesPerSecond: round(atDefault.entitiesPerSecond / single.entitiesPerSecond), indexCost,
        ceiling: { ...ceiling, groupedFraction: round(atDefault.entitiesPerSecond / ceiling.sameProperties) }, timeline, timelines,
      };
      return { summary, markdown: markdown(summary) };
    } finally {
      await server.close();
    }
  },
};

async function writeBatched(driver: GraphDriver, records: readonly RecordExtraction[]): Promise<WriteResult> {
  await seedRecords(driver, records);
  return measure(driver, records, async () => {
    for (const x of records) await driver.writeTransaction((tx) => replaceExtraction(tx, x, new Date().toISOString()));
  });
}

async function writeSingle(driver: GraphDriver, records: readonly RecordExtraction[]): Promise<WriteResult> {
  await seedRecords(driver, records);
  return measure(driver, records, async () => {
    for (const x of records) await replaceExtractionOneByOne(driver, x, new Date().toISOString());
  });
}

interface GroupedResult extends WriteResult {
  maxRecords: number;
  transactions: number;
}

/** The job runner's path: the records submitted as one job (untimed), then every finished record offered at once. */
async function writeGrouped(driver: GraphDriver, records: readonly RecordExtraction[], maxRecords: number): Promise<Omit<GroupedResult, 'maxRecords'>> {
  const jobId = randomUUID();
  await submitJob(driver, jobId, records.map((x) => x.record), new Date().toISOString());
  const entries = records.map((x, seq): CommitEntry => ({
    item: { jobId, seq, record: x.record }, extraction: x, outcome: { status: 'DONE', entities: x.entities.length },
  }));
  let transactions = 0;
  const commits = new GroupCommitter(driver, { maxRecords, lingerMs: 0 }, { onCommit: () => (transactions += 1) });
  const result = await measure(driver, records, async () => {
    const written = await Promise.all(entries.map((e) => commits.commit(e)));
    if (written.some((w) => !w)) throw new Error('group commit: an item was finished twice');
  });
  return { ...result, transactions };
}

/**
 * Entities/s of the grouped path at the default size with the cohort's composite Mention indexes dropped, then with
 * every secondary Mention index dropped: what each costs on write. Recreated afterwards (`applySchema`).
 */
async function measureIndexCost(
  driver: GraphDriver, make: (kind: string) => RecordExtraction[], withAll: GroupedResult,
): Promise<{ allIndexes: number; withoutCohortComposites: number; withoutMentionIndexes: number }> {
  const size = withAll.maxRecords;
  await dropIndexes(driver, ['mention_cohort_by_type', 'mention_cohort_by_concept']);
  const withoutCohort = await writeGrouped(driver, make('ix1'), size);
  await dropIndexes(driver, ['mention_patient', 'mention_record', 'mention_type', 'mention_text', 'mention_concept']);
  const withoutMention = await writeGrouped(driver, make('ix2'), size);
  await driver.applySchema();
  return {
    allIndexes: withAll.entitiesPerSecond,
    withoutCohortComposites: withoutCohort.entitiesPerSecond,
    withoutMentionIndexes: withoutMention.entitiesPerSecond,
  };
}

/**
 * Nodes/s of a bare UNWIND CREATE of the mentions' own property maps (no index, edge or bookkeeping), in transactions
 * of `perTx` records' mentions, and of the same rows cut to 3 properties: what Neo4j itself takes here.
 */
async function measureCeiling(
  driver: GraphDriver, records: readonly RecordExtraction[], perTx: number,
): Promise<{ sameProperties: number; threeProperties: number; propertiesPerMention: number }> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < records.length; i += perTx) batches.push(records.slice(i, i + perTx).flatMap((x) => mentionRows(x).map((m) => m.props)));
  const rows = batches.reduce((n, b) => n + b.length, 0);
  const rate = async (statement: string): Promise<number> => {
    const t0 = process.hrtime.bigint();
    for (const batch of batches) await driver.runGenerated(statement, { rows: batch }, { mode: 'WRITE' });
    const perSecond = rows / (Number(process.hrtime.bigint() - t0) / 1e9);
    await driver.runGenerated('MATCH (n:BenchCeiling) DETACH DELETE n', {}, { mode: 'WRITE' });
    return round(perSecond);
  };
  const sameProperties = await rate('UNWIND $rows AS row CREATE (m:BenchCeiling) SET m = row');
  const threeProperties = await rate('UNWIND $rows AS row CREATE (:BenchCeiling {id: row.id, type: row.type, text: row.text})');
  return { sameProperties, threeProperties, propertiesPerMention: Object.keys(batches[0]?.[0] ?? {}).length };
}

async function dropIndexes(driver: GraphDriver, names: readonly string[]): Promise<void> {
  // Index names are constants of this file, never input: DROP INDEX takes no parameter for its name.
  for (const name of names) {
    await driver.runGenerated(`DROP INDEX ${name} IF EXISTS`, {}, { mode: 'WRITE' });
  }
}

/** Records must exist before their extraction is written (as after `submit`); not part of the timing. */
async function seedRecords(driver: GraphDriver, records: readonly RecordExtraction[]): Promise<void> {
  for (const x of records) {
    await driver.writeTransaction((tx) => replaceExtraction(tx, { ...x, entities: [], timexes: [], links: [], resolutions: [] }, ''));
  }
}

/** Times `writeAll` (which writes `records`) and counts its round trips. */
async function measure(driver: GraphDriver, records: readonly RecordExtraction[], writeAll: () => Promise<void>): Promise<WriteResult> {
  driver.resetRoundTrips();
  const t0 = process.hrtime.bigint();
  await writeAll();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const entities = records.reduce((s, x) => s + x.entities.length, 0);
  return {
    records: records.length, entities, seconds: round(seconds),
    recordsPerSecond: round(records.length / seconds), entitiesPerSecond: round(entities / seconds),
    roundTrips: driver.roundTrips,
  };
}

interface TimelineResult {
  events: number;
  queries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  graphqlP50Ms: number;
  graphqlP99Ms: number;
}

/** The viewer's timeline selection (web/src/viewer/schema-features.ts), every type and assertion (as the repository read). */
const TIMELINE_QUERY = `query ($id: ID!) {
  patient(id: $id) {
    timeline(assertions: [PRESENT, POSSIBLE, ABSENT], types: [DISEASE, IMAGING, LAB_TEST, SURGERY, DRUG, ANATOMY, SYMPTOM, EXAM, TREATMENT]) {
      undated
      time { start end precision approx undated }
      entity { id type label text confidence start end assertion subject concept { name code system } }
      timex { id text kind value start end }
      record { id kind recordedAt }
      span { recordId start end text }
    }
  }
}`;

let apiSchema: GraphQLSchema | null = null;

/** The API's schema and read services over `driver`; the write-side services are not used by a timeline read. */
async function timelineApi(driver: GraphDriver): Promise<{ schema: GraphQLSchema; services: ApiServices }> {
  apiSchema ??= await buildApiSchema(createApiPubSub());
  const unused = (): never => {
    throw new Error('bench: not used by a timeline read');
  };
  const services: ApiServices = {
    jobs: { submit: unused, get: unused, list: unused, cancel: unused },
    reads: new ReadRepository(driver),
    preview: { preview: unused },
    cohort: { find: unused, patients: unused },
    limits: { maxRecordChars: 20_000, maxRecordsPerCall: 500, maxCharsPerCall: 500_000 },
  };
  return { schema: apiSchema, services };
}

async function timelineLatency(driver: GraphDriver, run: string, events: number, perRecord: number, queries: number): Promise<TimelineResult> {
  const patientId = `bench-${run}-timeline`;
  const records = Math.ceil(events / perRecord);
  const xs = Array.from({ length: records }, (_, i) => syntheticExtraction({
    patientId, recordId: `bench-${run}-tl-r${i}`, recordedAt: `20${10 + (i % 10)}-06-01`, index: i,
    entitiesPerRecord: i === records - 1 ? events - perRecord * (records - 1) : perRecord,
  }));
  await writeBatched(driver, xs);
  const reads = new ReadRepository(driver);
  const query = {
    patientId,
    types: ['DISEASE', 'IMAGING', 'LAB_TEST', 'SURGERY', 'DRUG', 'ANATOMY', 'SYMPTOM', 'EXAM', 'TREATMENT'] as const,
    assertions: ['PRESENT', 'POSSIBLE', 'ABSENT'] as const,
  };
  const returned = (await reads.timeline(query)).length;
  for (let i = 0; i < 20; i++) await reads.timeline(query); // warm the plan cache
  const ms: number[] = [];
  for (let i = 0; i < queries; i++) {
    const t0 = process.hrtime.bigint();
    await reads.timeline(query);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);

  const { schema, services } = await timelineApi(driver);
  const viaGraphql = async (): Promise<void> => {
    const result = await graphql({ schema, source: TIMELINE_QUERY, variableValues: { id: patientId }, contextValue: createContext(services, createApiPubSub()) });
    if (result.errors) throw new Error(`bench: timeline query failed: ${result.errors[0]?.message ?? ''}`);
    const events = (result.data as { patient: { timeline: unknown[] } }).patient.timeline.length;
    if (events !== returned) throw new Error(`bench: GraphQL returned ${events} events, the repository ${returned}`);
  };
  for (let i = 0; i < 10; i++) await viaGraphql();
  const gq: number[] = [];
  for (let i = 0; i < queries; i++) {
    const t0 = process.hrtime.bigint();
    await viaGraphql();
    gq.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  gq.sort((a, b) => a - b);
  return {
    events: returned, queries, p50Ms: round(pct(ms, 0.5)), p99Ms: round(pct(ms, 0.99)), maxMs: round(ms.at(-1) ?? 0),
    graphqlP50Ms: round(pct(gq, 0.5)), graphqlP99Ms: round(pct(gq, 0.99)),
  };
}


interface Server {
  driver: GraphDriver;
  description: string;
  close(): Promise<void>;
}

async function connect(ctx: BenchContext): Promise<Server> {
  const { driver, neo4j, close } = await benchGraph(ctx, process.env['NEO4J_URI'], 'neo4j-');
  const description = neo4j.embedded
    ? 'Neo4j 5.26.31 Community, embedded (tools/neo4j-dev, -Xmx512m, 64 MiB page cache), Bolt on loopback'
    : `external Neo4j at ${neo4j.uri}`;
  return { driver, description, close };
}

function markdown(s: {
  neo4j: string; loadAverage1m: { start: number; end: number }; sizes: Record<string, number>; batched: WriteResult; single: WriteResult;
  batchedOverSingleEntitiesPerSecond: number; timeline: TimelineResult; timelines: TimelineResult[];
  grouped: GroupedResult[]; groupKnee: number | null; groupDefault: number; groupedOverSingleEntitiesPerSecond: number;
  indexCost: { allIndexes: number; withoutCohortComposites: number; withoutMentionIndexes: number };
  ceiling: { sameProperties: number; threeProperties: number; propertiesPerMention: number; groupedFraction: number };
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
    `Group commit (the job runner's path: extractions + job items, ${s.sizes['groupRecords']} records offered at once):`,
    '',
    '| records per transaction | transactions | records/s | entities/s |',
    '|---:|---:|---:|---:|',
    ...s.grouped.map((g) => `| ${g.maxRecords}${g.maxRecords === s.groupDefault ? ' (default)' : ''} | ${g.transactions} | ${g.recordsPerSecond} | ${g.entitiesPerSecond} |`),
    '',
    `Knee (smallest size within 10% of the best): ${s.groupKnee ?? 'n/a'}. Default size / single entities per second: **${s.groupedOverSingleEntitiesPerSecond}×**.`,
    `Index cost on write (default size, entities/s): all indexes ${s.indexCost.allIndexes}; without the two cohort composites ` +
      `${s.indexCost.withoutCohortComposites}; without every secondary Mention index ${s.indexCost.withoutMentionIndexes}.`,
    `Ceiling: bare nodes with the mentions' ${s.ceiling.propertiesPerMention} properties (no index, edge or bookkeeping) ` +
      `${s.ceiling.sameProperties}/s, with 3 properties ${s.ceiling.threeProperties}/s; the grouped path at the default size is ` +
      `**${Math.round(s.ceiling.groupedFraction * 100)}%** of the first.`,
    '',
    '| timeline of one patient | queries | p50 ms | p99 ms | max ms | through GraphQL p50 ms | p99 ms |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...s.timelines.map((t) => `| ${t.events} events | ${t.queries} | ${t.p50Ms} | ${t.p99Ms} | ${t.maxMs} | ${t.graphqlP50Ms} | ${t.graphqlP99Ms} |`),
    '',
  ].join('\n');
}
