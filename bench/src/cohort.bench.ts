/**
 * Bench section `cohort`: cohort-query latency on a 10,000-patient / ~1.1 million-mention synthetic graph (src/synth),
 * through `CohortRunner.find` (exact count + first page, what the GraphQL `cohort` query runs), one query kind at a
 * time: single event, concept with descendants, sequence with a day window, boolean of three. p50/p99 over repeated
 * runs after a warm-up, each kind's patient count, and the plan Neo4j chose (one PROFILE: operators, rows, db hits).
 * Targets (issue 11): single-event p99 ≤ 100 ms, sequence-with-window p99 ≤ 500 ms.
 *
 * Neo4j: `--cohort-neo4j URI` (or `COHORT_BENCH_NEO4J_URI`), never `NEO4J_URI` (a million mentions do not belong
 * in the test or platform database); else an embedded one with a throw-away store under `bench/tmp/`. The graph is
 * built with the synth writer unless that Neo4j already holds exactly this seed's patients (then it is reused, and
 * the summary says so). Flags: --cohort-patients (10000), --cohort-seed (1), --cohort-runs (200), --cohort-warmup (20).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { ProfiledPlan } from 'neo4j-driver';
import { CohortRunner, compileCohort, parseCriteria } from '../../src/cohort/index.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { buildSyntheticGraph, storedSize, type BuildSummary } from '../../src/synth/index.js';
import { benchGraph } from './bench-neo4j.js';
import { pct, round } from './stats.js';
import { option, type BenchContext, type BenchSection, type SectionResult } from './section.js';

/** The four kinds of issue 11, as a researcher would ask them of the synthetic mix. */
export const COHORT_BENCH_QUERIES = [
  { kind: 'single event', targetP99Ms: 100, criteria: { event: { type: 'SURGERY', text: '根治术' } } },
  { kind: 'concept with descendants', targetP99Ms: null, criteria: { event: { concept: 'C50' } } },
  {
    kind: 'sequence with a window', targetP99Ms: 500,
    criteria: { sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY' }, minDays: 0, maxDays: 30 } },
  },
  {
    kind: 'boolean of three', targetP99Ms: null,
    criteria: { all: [{ event: { concept: 'C34' } }, { event: { type: 'DRUG', concept: 'EML-8.2' } }, { not: { event: { concept: 'I10' } } }] },
  },
] as const;

interface QueryResult {
  kind: string;
  criteria: unknown;
  patients: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  targetP99Ms: number | null;
  meetsTarget: boolean | null;
  plan: PlanSummary;
}

interface PlanSummary {
  totalDbHits: number;
  /** Operators depth-first from the root, `Operator(details) rows/dbHits`. */
  operators: string[];
}

export const cohortBench: BenchSection = {
  name: 'cohort',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const n = (flag: string, fallback: number): number => Number(option(ctx, flag, '', String(fallback)));
    const sizes = { patients: n('cohort-patients', 10_000), seed: n('cohort-seed', 1), runs: n('cohort-runs', 200), warmup: n('cohort-warmup', 20) };
    const loadAtStart = round(loadavg()[0] ?? 0);
    const server = await connect(ctx);
    try {
      const { driver } = server;
      await driver.applySchema();
      const build = await ensureGraph(ctx, driver, sizes.patients, sizes.seed);
      const graph = await storedSize(driver, sizes.seed);
      const runner = new CohortRunner(driver);
      const queries: QueryResult[] = [];
      for (const q of COHORT_BENCH_QUERIES) {
        ctx.log(`cohort: ${q.kind}, ${sizes.warmup} warm-up + ${sizes.runs} runs`);
        queries.push(await measure(driver, runner, q, sizes.runs, sizes.warmup));
      }
      const loadAverage1m = { start: loadAtStart, end: round(loadavg()[0] ?? 0) };
      const summary = { neo4j: server.description, loadAverage1m, sizes, graph, build, queries };
      return { summary, markdown: markdown(summary) };
    } finally {
      await server.close();
    }
  },
};

/** Builds the seed's graph unless exactly its patients are already there; null when reused. */
async function ensureGraph(ctx: BenchContext, driver: GraphDriver, patients: number, seed: number): Promise<(BuildSummary & { reused: false }) | { reused: true }> {
  const stored = await storedSize(driver, seed);
  if (stored.patients === patients && stored.records > 0) {
    ctx.log(`cohort: reusing the stored graph of seed ${seed} (${stored.patients} patients, ${stored.mentions} mentions)`);
    return { reused: true };
  }
  if (stored.patients > patients) {
    throw new Error(`cohort bench: expected at most ${patients} patients of seed ${seed} in the bench Neo4j, got ${stored.patients}; use a fresh store`);
  }
  ctx.log(`cohort: building ${patients} synthetic patients (seed ${seed})`);
  const built = await buildSyntheticGraph(driver, { patients, seed }, (done) => {
    if (done.patients % 1000 === 0 || done.patients === patients) ctx.log(`cohort: ${done.patients}/${patients} patients, ${done.mentions} mentions`);
  });
  return { ...built, seconds: round(built.seconds), reused: false };
}

async function measure(
  driver: GraphDriver, runner: CohortRunner, q: (typeof COHORT_BENCH_QUERIES)[number], runs: number, warmup: number,
): Promise<QueryResult> {
  let patients = 0;
  for (let i = 0; i < warmup; i++) patients = (await runner.find(q.criteria, { first: 50 })).count;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await runner.find(q.criteria, { first: 50 });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const p99 = round(pct(ms, 0.99));
  return {
    kind: q.kind, criteria: q.criteria, patients, runs,
    p50Ms: round(pct(ms, 0.5)), p99Ms: p99, maxMs: round(ms.at(-1) ?? 0),
    targetP99Ms: q.targetP99Ms, meetsTarget: q.targetP99Ms === null ? null : p99 <= q.targetP99Ms,
    plan: await profile(driver, q.criteria),
  };
}

/** One PROFILE run of the statement `find` sends: the operators Neo4j chose, with their rows and db hits. */
async function profile(driver: GraphDriver, criteria: unknown): Promise<PlanSummary> {
  const compiled = compileCohort(parseCriteria(criteria), { after: '', first: 50 });
  const result = await driver.runGeneratedWithSummary(`PROFILE ${compiled.statement}`, compiled.parameters, { mode: 'READ', timeoutMs: 60_000 });
  const plan = result.summary.profile;
  if (plan === false) return { totalDbHits: 0, operators: [] };
  const operators: string[] = [];
  let totalDbHits = 0;
  const walk = (p: ProfiledPlan, depth: number): void => {
    totalDbHits += Number(p.dbHits);
    const details = String(p.arguments['Details'] ?? '').replace(/\s+/gu, ' ').slice(0, 90);
    operators.push(`${'  '.repeat(depth)}${p.operatorType.replace(/@.*$/u, '')}${details ? `(${details})` : ''} rows=${Number(p.rows)} hits=${Number(p.dbHits)}`);
    for (const c of p.children) walk(c, depth + 1);
  };
  walk(plan, 0);
  return { totalDbHits, operators };
}


interface Server {
  driver: GraphDriver;
  description: string;
  close(): Promise<void>;
}

async function connect(ctx: BenchContext): Promise<Server> {
  const { driver, neo4j, close } = await benchGraph(ctx, option(ctx, 'cohort-neo4j', 'COHORT_BENCH_NEO4J_URI', ''), 'neo4j-cohort-');
  const description = neo4j.embedded
    ? `Neo4j 5.26.31 Community, embedded (tools/neo4j-dev, 64 MiB page cache, heap ${process.env['NEO4J_HEAP'] ?? '512m'}), throw-away store, Bolt on loopback`
    : `Neo4j 5.26.31 Community at ${neo4j.uri} (tools/neo4j-dev launcher, 64 MiB page cache, heap ${process.env['NEO4J_HEAP'] ?? 'as started'})`;
  return { driver, description, close };
}

function markdown(s: {
  neo4j: string; loadAverage1m: { start: number; end: number }; sizes: Record<string, number>;
  graph: { patients: number; records: number; mentions: number };
  build: (BuildSummary & { reused: false }) | { reused: true }; queries: readonly QueryResult[];
}): string {
  const build = s.build.reused
    ? 'reused from an earlier run (same seed and size)'
    : `built in ${s.build.seconds} s (${round(s.build.mentions / s.build.seconds)} mentions/s, ${s.build.statements} UNWIND statements)`;
  return [
    '## Cohort queries',
    '',
    `${s.neo4j}; synthetic graph of seed ${s.sizes['seed']}: **${s.graph.patients} patients, ${s.graph.records} records, ` +
      `${s.graph.mentions} mentions**, ${build}; 1-min load average ${s.loadAverage1m.start} → ${s.loadAverage1m.end}. ` +
      `\`CohortRunner.find\` (exact count + first page of 50), ${s.sizes['warmup']} warm-up runs, then ${s.sizes['runs']} timed runs per kind.`,
    '',
    '| kind | patients | p50 ms | p99 ms | max ms | target p99 | plan db hits |',
    '|---|---:|---:|---:|---:|---|---:|',
    ...s.queries.map((q) => `| ${q.kind} | ${q.patients} | ${q.p50Ms} | ${q.p99Ms} | ${q.maxMs} | ` +
      `${q.targetP99Ms === null ? '–' : `≤ ${q.targetP99Ms} ms: ${q.meetsTarget ? 'met' : '**missed**'}`} | ${q.plan.totalDbHits} |`),
    '',
    ...s.queries.flatMap((q) => [`Plan, ${q.kind} (\`${JSON.stringify(q.criteria)}\`):`, '', '```', ...q.plan.operators, '```', '']),
  ].join('\n');
}
