/**
 * Issue 16, Done when: Redis, Neo4j, two API processes and two workers (child processes of the built dist/):
 * 200 records submitted across both APIs finish exactly once each (no loss, no duplicate mention), a subscriber on
 * API 1 sees every job's final state, and a worker SIGKILLed mid-record is recovered by the other.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import { collect, gqlData, wsClient } from '../e2e/helpers/graphql-client.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';
import { startNode, type NodeProcess } from './helpers/node-process.js';
import { redisAvailable, startRedisServer, type TestRedis } from './helpers/redis-server.js';

const TINY_MODEL = 'test/fixtures/tiny-model';
const RECORDS = 200;
const PER_CALL = 10;
const PATIENTS = 40;
const TEXTS = ['2018年3月行胃癌根治术，术后化疗。', '3月前CT示肺结节。', '无发热，考虑肺转移可能。', '术后2年复查，病情稳定。', '口服替吉奥。'];
const SUBMIT = 'mutation ($records: [RecordInput!]!) { submitRecords(records: $records) { id total } }';

interface JobState { id: string; status: string; total: number; done: number; failed: number; entities: number; finishedAt: string | null }

const canRun = redisAvailable();
if (!canRun && process.env['CI'] === '1') throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

describe.skipIf(!canRun)('two API processes and two workers over Redis', () => {
  let redis: TestRedis;
  let probe: Redis;
  let driver: GraphDriver;
  let nodes: NodeProcess[] = [];
  const prefix = uniqueId('scale');

  beforeAll(async () => {
    redis = await startRedisServer();
    probe = new Redis(redis.url);
    driver = await testDriver();
    const env = {
      REDIS_URL: redis.url, NEO4J_URI: testNeo4jUri(), MODEL_DIR: TINY_MODEL, QUEUE_PREFIX: prefix,
      QUEUE_LOCK_MS: '3000', JOB_CONCURRENCY: '2', SHUTDOWN_GRACE_MS: '1000',
    };
    nodes = await Promise.all([startNode('api', env), startNode('api', env), startNode('worker', env), startNode('worker', env)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    probe?.disconnect();
    await driver?.close();
    await redis?.stop();
  });

  it('finishes 200 records exactly once, tells API 1 every final state, survives a SIGKILLed worker', async () => {
    const [api1, api2, worker1, worker2] = nodes as [NodeProcess, NodeProcess, NodeProcess, NodeProcess];
    const client = await wsClient(api1.wsUrl);
    const finals = new Map<string, JobState>();
    const jobIds: string[] = [];
    const allFinal = (p: { extractionEvents: { job: JobState } }): boolean => {
      const { job } = p.extractionEvents;
      if (job.finishedAt !== null) finals.set(job.id, job);
      return jobIds.length === RECORDS / PER_CALL && jobIds.every((id) => finals.has(id));
    };
    const events = collect(client.iterate({
      query: 'subscription { extractionEvents { job { id status total done failed entities finishedAt } } }',
    }), allFinal, 240_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // graphql-ws has no subscribe ack

    const run = uniqueId('r');
    const records = Array.from({ length: RECORDS }, (_, i) => ({
      patientId: `${run}-p${i % PATIENTS}`,
      recordId: `${run}-rec${i}`,
      kind: 'PROGRESS',
      // a patient's later calls carry earlier dates too, so order is by recordedAt and not by arrival
      recordedAt: new Date(Date.UTC(2018, 0, 1 + ((i * 37) % 365))).toISOString().slice(0, 10),
      text: TEXTS[i % TEXTS.length],
    }));
    for (let call = 0; call < RECORDS / PER_CALL; call += 1) {
      const api = call % 2 === 0 ? api1 : api2;
      const data = await gqlData<{ submitRecords: { id: string; total: number } }>(api.url, SUBMIT,
        { records: records.slice(call * PER_CALL, (call + 1) * PER_CALL) });
      jobIds.push(data.submitRecords.id);
    }

    // SIGKILL worker 1 while Redis shows it holding a record (in-flight entries carry the worker's pid).
    await waitForInFlight(probe, prefix, worker1.pid, 120_000);
    await worker1.kill('SIGKILL');
    const killedAt = worker2.logged(/ DONE /g).length;
    // What it was cut off in: its in-flight entries (a finished record removes its own), read before anyone cancels.
    const cutOff = await inFlightOf(probe, prefix, worker1.pid);
    expect(cutOff.length).toBeGreaterThan(0);

    await events;
    client.dispose();
    expect([...finals.keys()].sort()).toEqual([...jobIds].sort());
    for (const job of finals.values()) expect(job).toMatchObject({ status: 'SUCCEEDED', total: PER_CALL, done: PER_CALL, failed: 0 });

    // The records worker 1 was cut off in were finished by worker 2 (all records are DONE below, worker 1 is gone).
    expect(worker2.logged(/ DONE /g).length).toBeGreaterThan(killedAt);
    const cutOffIds = cutOff.map((c) => c.itemId.slice(c.jobId.length + 1));

    // Exactly once: every record DONE once, mentions = the record's count, no duplicate id, job counters add up.
    const rows = await driver.runGenerated(
      `MATCH (r:Record) WHERE r.id IN $ids
       OPTIONAL MATCH (r)-[:HAS_MENTION]->(m:Mention)
       WITH r, count(m) AS mentions, count(DISTINCT m.id) AS distinct
       RETURN r.id AS id, r.status AS status, r.entityCount AS entityCount, mentions, distinct`,
      { ids: records.map((r) => r.recordId) }, { mode: 'READ', timeoutMs: 30_000 });
    expect(rows).toHaveLength(RECORDS);
    expect(rows.filter((r) => cutOffIds.includes(r.get('id') as string)).map((r) => r.get('status'))).toEqual(cutOffIds.map(() => 'DONE'));
    let mentions = 0;
    for (const row of rows) {
      expect(row.get('status')).toBe('DONE');
      expect(row.get('mentions')).toBe(row.get('entityCount'));
      expect(row.get('distinct')).toBe(row.get('mentions'));
      mentions += row.get('mentions') as number;
    }
    const jobs = await Promise.all(jobIds.map((id) => gqlData<{ job: JobState }>(api2.url, 'query ($id: ID!) { job(id: $id) { id status total done failed entities finishedAt } }', { id })));
    expect(jobs.reduce((sum, j) => sum + j.job.entities, 0)).toBe(mentions);
    expect(jobs.reduce((sum, j) => sum + j.job.done, 0)).toBe(RECORDS);
    const items = await driver.runGenerated('MATCH (i:JobItem) WHERE i.jobId IN $jobIds RETURN i.status AS status, count(*) AS n',
      { jobIds }, { mode: 'READ', timeoutMs: 30_000 });
    expect(items.map((r) => [r.get('status'), r.get('n')])).toEqual([['DONE', RECORDS]]);

    // Worker 2's /metrics (Prometheus text): what it finished, NER characters, latencies, the queue drained.
    const metrics = await (await fetch(`${worker2.url}/metrics`)).text();
    const done = Number(/^oncotimeline_records_processed_total\{status="DONE"\} (\d+)/m.exec(metrics)?.[1]);
    expect(done).toBeGreaterThanOrEqual(worker2.logged(/ DONE /g).length);
    expect(metrics).toMatch(/^oncotimeline_ner_chars_total [1-9]\d*/m);
    expect(metrics).toMatch(/^oncotimeline_stage_seconds_count\{stage="record"\} [1-9]/m);
    expect(metrics).toMatch(/^oncotimeline_queue_tokens\{state="wait"\} 0/m);
    expect((await fetch(`${worker2.url}/readyz`)).status).toBe(200);
  }, 300_000);

  it('follows a job submitted on API 2 from API 1 (jobProgress), and a CLI ingest run (extractionEvents)', async () => {
    const [api1, api2] = nodes as [NodeProcess, NodeProcess];
    const run = uniqueId('c');
    const client = await wsClient(api1.wsUrl);
    const ingested: JobState[] = [];
    const cliEvents = collect(client.iterate({
      query: 'subscription { extractionEvents { job { id status total done failed entities finishedAt } } }',
    }), (p: { extractionEvents: { job: JobState } }) => {
      const { job } = p.extractionEvents;
      if (job.total === 3 && job.finishedAt !== null) ingested.push(job);
      return ingested.length > 0;
    }, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const { submitRecords } = await gqlData<{ submitRecords: { id: string } }>(api2.url, SUBMIT, { records: [0, 1, 2, 3].map((i) => ({
      patientId: `${run}-p`, recordId: `${run}-api-${i}`, kind: 'PROGRESS', recordedAt: `2020-0${i + 1}-01`, text: TEXTS[i],
    })) });
    const progress = await collect<{ jobProgress: { job: JobState } }>(client.iterate({
      query: 'subscription ($id: ID!) { jobProgress(jobId: $id) { job { id status total done failed entities finishedAt } } }',
      variables: { id: submitRecords.id },
    }), undefined, 120_000);
    expect(progress.at(-1)?.jobProgress.job).toMatchObject({ id: submitRecords.id, status: 'SUCCEEDED', done: 4 });

    // The new user: records ingested from the CLI, a dashboard on API 1 sees the job (before: 0 events).
    const dir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-cli-'));
    const file = path.join(dir, 'records.jsonl');
    writeFileSync(file, [0, 1, 2].map((i) => JSON.stringify({
      patientId: `${run}-cli`, recordId: `${run}-cli-${i}`, kind: 'PROGRESS', recordedAt: `2021-0${i + 1}-01`, text: TEXTS[i],
    })).join('\n'));
    const cli = spawnSync(process.execPath, [fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)), 'ingest', file], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', REDIS_URL: redis.url, QUEUE_PREFIX: prefix,
        NEO4J_URI: testNeo4jUri(), MODEL_DIR: TINY_MODEL, NER_POOL_SIZE: '1', DATA_DIR: dir },
      encoding: 'utf8', timeout: 120_000,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(cli.status, cli.stderr).toBe(0);
    await cliEvents;
    client.dispose();
    expect(ingested[0]).toMatchObject({ status: 'SUCCEEDED', total: 3, done: 3, failed: 0 });
  }, 240_000);
});

/** Polls the in-flight hashes until `pid` has a record in flight. */
async function waitForInFlight(redis: Redis, prefix: string, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await inFlightOf(redis, prefix, pid)).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`worker ${pid} had no record in flight within ${timeoutMs} ms`);
}

/** The records `pid` has in flight, from the workers' in-flight hashes (`<prefix>:inflight:<jobId>`: item → worker). */
async function inFlightOf(redis: Redis, prefix: string, pid: number): Promise<{ jobId: string; itemId: string }[]> {
  const found: { jobId: string; itemId: string }[] = [];
  for (const key of await redis.keys(`${prefix}:inflight:*`)) {
    for (const [itemId, worker] of Object.entries(await redis.hgetall(key))) {
      if (worker.endsWith(`:${pid}`)) found.push({ jobId: key.slice(`${prefix}:inflight:`.length), itemId });
    }
  }
  return found;
}
