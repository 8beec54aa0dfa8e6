/**
 * Bench section `scale`: records/s through the Redis queue with one worker process, then with two, in the same run,
 * on the same Redis and Neo4j (issue 16). The bench itself is the API side (a `RedisJobQueue` that submits and
 * listens); workers are `node dist/main.js` with ROLE=worker, each JOB_CONCURRENCY=2 and one NER thread.
 * Redis: Debian's `redis-server` on a free port (section skipped, saying why, when it is missing).
 * Neo4j: `NEO4J_URI`, else an embedded one on a free port with a throw-away store under `bench/tmp/`.
 * Flags: --scale-records (120 per phase), --scale-patients (30), --scale-model (models/ccks-union-hybrid).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { GraphDriver } from '../../src/graph/driver.js';
import type { ClinicalRecord } from '../../src/domain/record.js';
import { RedisJobQueue } from '../../src/queue/index.js';
import { benchNeo4j, freePort } from './bench-neo4j.js';
import { round } from './stats.js';
import { option, type BenchContext, type BenchSection, type SectionResult } from './section.js';

const TEXTS = [
  '患者2018年3月行左乳癌改良根治术，术后予紫杉醇化疗6周期。',
  '3月前胸部CT示右肺结节，考虑转移可能，无发热。',
  '术后2年复查腹部B超未见异常，CEA正常。',
  '直肠癌术后1年余，口服卡培他滨，血常规正常。',
];

interface Phase {
  workers: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

export const scaleBench: BenchSection = {
  name: 'scale',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const records = Number(option(ctx, 'scale-records', '', '120'));
    const patients = Number(option(ctx, 'scale-patients', '', '30'));
    const model = path.resolve(ctx.repoRoot, option(ctx, 'scale-model', 'MODEL_DIR', 'models/ccks-union-hybrid'));
    const cpu = { model: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.cpus().length, loadAverage1mAtStart: round(os.loadavg()[0] ?? 0) };
    if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
      const summary = { skipped: 'redis-server not installed (apt-get install redis-server)', cpu };
      return { summary, markdown: `## scale\n\nSkipped: ${summary.skipped}.\n` };
    }
    const stops: Array<() => Promise<void>> = [];
    try {
      const redisUrl = await startRedis(stops);
      const neo4jUri = await startNeo4j(ctx, stops);
      const driver = await GraphDriver.connect({ uri: neo4jUri, user: process.env['NEO4J_USER'] ?? null, password: process.env['NEO4J_PASSWORD'] ?? null });
      stops.push(() => driver.close());
      await driver.applySchema();
      const prefix = `bench-${randomUUID().slice(0, 8)}`;
      const api = await RedisJobQueue.open({ driver, redisUrl, prefix, attempts: 3, log: () => undefined });
      stops.push(async () => void (await api.stop({ graceMs: 0 })));
      await api.start();
      const env = { REDIS_URL: redisUrl, NEO4J_URI: neo4jUri, MODEL_DIR: model, QUEUE_PREFIX: prefix, JOB_CONCURRENCY: '2',
        NER_POOL_SIZE: '1', NER_INTRA_OP_THREADS: '1' };
      const run = randomUUID().slice(0, 8);
      const batch = (phase: string, count: number): ClinicalRecord[] => Array.from({ length: count }, (_, i) => ({
        patientId: `bench-${run}-${phase}-p${i % patients}`, recordId: `bench-${run}-${phase}-r${i}`, kind: 'PROGRESS',
        recordedAt: new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10), text: TEXTS[i % TEXTS.length]!,
      }));

      ctx.log('scale: one worker');
      await startWorker(ctx, env, stops);
      await timed(api, batch('warm1', 8), 1); // model warm-up
      const one = await timed(api, batch('one', records), 1);
      ctx.log(`scale: ${one.recordsPerSecond} records/s; two workers`);
      await startWorker(ctx, env, stops);
      await timed(api, batch('warm2', 8), 2);
      const two = await timed(api, batch('two', records), 2);
      ctx.log(`scale: ${two.recordsPerSecond} records/s`);
      const summary = {
        cpu, neo4j: process.env['NEO4J_URI'] ? 'external (NEO4J_URI)' : 'embedded, throw-away', model: path.basename(model),
        sizes: { records, patients, concurrencyPerWorker: 2 }, oneWorker: one, twoWorkers: two,
        twoOverOne: round(two.recordsPerSecond / one.recordsPerSecond), loadAverage1mAtEnd: round(os.loadavg()[0] ?? 0),
      };
      return { summary, markdown: markdown(summary) };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    }
  },
};

/** Submits `records` in calls of 20 and waits until every job is final. */
async function timed(api: RedisJobQueue, records: ClinicalRecord[], workers: number): Promise<Phase> {
  const started = Date.now();
  const pending = new Set<string>();
  const finished = new Set<string>();
  let resolveAll!: () => void;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  let submitted = false;
  const off = api.on('progress', (e) => {
    if (e.job.finishedAt === null) return;
    finished.add(e.job.id);
    if (submitted && [...pending].every((id) => finished.has(id))) resolveAll();
  });
  for (let i = 0; i < records.length; i += 20) pending.add((await api.submit(records.slice(i, i + 20))).id);
  submitted = true;
  if ([...pending].every((id) => finished.has(id))) resolveAll();
  await all;
  off();
  const seconds = (Date.now() - started) / 1000;
  return { workers, records: records.length, seconds: round(seconds), recordsPerSecond: round(records.length / seconds) };
}

async function startWorker(ctx: BenchContext, env: Record<string, string>, stops: Array<() => Promise<void>>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oncotimeline-bench-worker-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ctx.repoRoot, 'dist/main.js')], {
    cwd: ctx.repoRoot,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ROLE: 'worker', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stops.push(async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('worker: health on')) resolve();
    });
    void exited.then(() => reject(new Error(`worker exited during start-up:\n${output.slice(-2000)}`)));
  });
  child.stderr!.resume();
}

async function startRedis(stops: Array<() => Promise<void>>): Promise<string> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oncotimeline-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no',
    '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stops.push(async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      probe.disconnect();
      return url;
    } catch (err) {
      probe.disconnect();
      if (i >= 100) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function startNeo4j(ctx: BenchContext, stops: Array<() => Promise<void>>): Promise<string> {
  const neo4j = await benchNeo4j(ctx, process.env['NEO4J_URI'], 'neo4j-');
  stops.push(() => neo4j.stop());
  return neo4j.uri;
}

function markdown(s: {
  cpu: { model: string; cores: number; loadAverage1mAtStart: number }; neo4j: string; model: string;
  sizes: { records: number; patients: number; concurrencyPerWorker: number }; oneWorker: Phase; twoWorkers: Phase; twoOverOne: number;
  loadAverage1mAtEnd: number;
}): string {
  return [
    '## scale',
    '',
    `Records/s through the Redis queue (BullMQ) with worker processes of \`serve --role worker\` (each JOB_CONCURRENCY=` +
      `${s.sizes.concurrencyPerWorker}, one NER thread), model ${s.model}, Neo4j ${s.neo4j}; ${s.sizes.records} records of ` +
      `${s.sizes.patients} patients per phase, same run. CPU: ${s.cpu.model}, ${s.cpu.cores} cores; load ${s.cpu.loadAverage1mAtStart} → ${s.loadAverage1mAtEnd}.`,
    '',
    '| workers | records | seconds | records/s |',
    '|---|---|---|---|',
    `| 1 | ${s.oneWorker.records} | ${s.oneWorker.seconds} | ${s.oneWorker.recordsPerSecond} |`,
    `| 2 | ${s.twoWorkers.records} | ${s.twoWorkers.seconds} | ${s.twoWorkers.recordsPerSecond} |`,
    '',
    `Two workers over one: **×${s.twoOverOne}**. Both workers, Neo4j and Redis share these ${s.cpu.cores} cores, so a second ` +
      'worker mostly competes with the first for CPU; on a second machine its cores go to NER (one inference thread per ' +
      'worker, NER_POOL_SIZE more), while Neo4j and Redis stay on the first.',
    '',
  ].join('\n');
}
