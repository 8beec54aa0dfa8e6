/**
 * Neo4j killed and restarted in the middle of an ingest (issue 18 § 4, § 7). While it is away: calls fail fast with
 * SERVICE_UNAVAILABLE (before: 31 s for a query, 61 s for a submission, then INTERNAL_SERVER_ERROR), `/readyz` says
 * so while `/healthz` stays up, and the job pauses. When Neo4j is back (same store, same port) the job resumes without
 * a platform restart and ends with every record stored exactly once, none FAILED (before: one record FAILED for
 * good and the job stuck at 29/30 until a restart).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/graph/embedded-neo4j.js';
import { signal } from '../../src/graph/neo4j-pid-file.js';
import { exampleRecords } from '../e2e/helpers/e2e-fixtures.js';
import { uniqueId } from '../helpers/neo4j.js';
import { report, size } from './helpers/mode.js';
import { freePort } from '../helpers/processes.js';
import { startReliabilityPlatform, waitForFinalJob } from './helpers/reliability-platform.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-neo4j-restart-'));
let neo: EmbeddedNeo4j | null = null;
afterAll(async () => {
  await neo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

describe('reliability: Neo4j killed and restarted mid-ingest', { timeout: 1_200_000 }, () => {
  it(`fails fast while it is away and resumes the job when it is back, ${size(1, 3)} time(s), without a platform restart`, async () => {
    const port = await freePort();
    neo = await startEmbeddedNeo4j({ dataDir, boltPort: port, log: () => undefined });
    const platform = await startReliabilityPlatform({
      NEO4J_URI: neo.uri, NEO4J_TIMEOUT_MS: '2000', JOB_CONCURRENCY: '1', MAX_RECORDS_PER_CALL: '100',
    });
    const prefix = uniqueId('n4r');
    const base = exampleRecords(prefix);
    const records = Array.from({ length: 30 }, (_, i) => {
      const r = base[i % base.length]!;
      return { ...r, recordId: `${r.recordId}-${i}`, text: r.text.repeat(6).slice(0, 3000) };
    });
    const jobId = (await platform.gql(`mutation ($r: [RecordInput!]!) { submitRecords(records: $r) { id } }`, { r: records })).data.submitRecords.id as string;
    const job = async () => platform.gql(`query ($id: ID!) { job(id: $id) { status done failed } }`, { id: jobId });
    const rounds = size(1, 3);
    const measured: Array<Record<string, number>> = [];
    for (let round = 0; round < rounds; round += 1) {
      const from = (await job()).data?.job?.done ?? 0;
      while (((await job()).data?.job?.done ?? 0) < Math.min(from + 2, records.length - 1)) await new Promise((resolve) => setTimeout(resolve, 20));
      signal(neo.pid!, 'SIGKILL');
      const outage = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 300));

      const first = await timed(job);
      expect(first.value.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      const next = await timed(job);
      expect(next.value.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      const submit = await timed(() => platform.gql(`mutation ($r: [RecordInput!]!) { submitRecords(records: $r) { id } }`,
        { r: [{ ...records[0]!, recordId: uniqueId('n4r-extra') }] }));
      expect(submit.value.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      const readyz = await fetch(platform.url.replace('/graphql', '/readyz'));
      expect(readyz.status).toBe(503);
      expect(((await readyz.json()) as any).checks.neo4j).toBe('down');
      expect((await fetch(platform.url.replace('/graphql', '/healthz'))).status).toBe(200);

      neo = await startEmbeddedNeo4j({ dataDir, boltPort: port, log: () => undefined });
      while (((await job()).data?.job?.done ?? 0) <= from + 2 && (await job()).data?.job?.status !== 'SUCCEEDED') {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      measured.push({ firstCallMs: first.ms, nextCallMs: next.ms, submitMs: submit.ms, outageMs: Math.round(performance.now() - outage) });
    }

    const final = await waitForFinalJob(platform, jobId);
    let lost = 0;
    let duplicated = 0;
    for (const r of records) {
      const stored = (await platform.gql(`query ($id: ID!) { record(id: $id) { status entityCount entities { id } } }`, { id: r.recordId })).data?.record;
      if (!stored || stored.status !== 'DONE') lost += 1;
      else if (stored.entities.length !== stored.entityCount || new Set(stored.entities.map((e: { id: string }) => e.id)).size !== stored.entities.length) duplicated += 1;
    }
    const readyAgain = (await fetch(platform.url.replace('/graphql', '/readyz'))).status;
    expect(await platform.kill('SIGTERM')).toBe(0);
    const worst = (key: string): number => Math.max(...measured.map((m) => m[key]!));
    report('neo4j-restart', {
      rounds, records: records.length, final: final.status, failed: final.failed, lost, duplicated, readyAgain,
      firstCallMaxMs: worst('firstCallMs'), nextCallMaxMs: worst('nextCallMs'), submitMaxMs: worst('submitMs'), outageMaxMs: worst('outageMs'),
    });
    expect(final).toMatchObject({ status: 'SUCCEEDED', done: records.length, failed: 0 });
    expect({ lost, duplicated, readyAgain }).toEqual({ lost: 0, duplicated: 0, readyAgain: 200 });
    expect(worst('firstCallMs')).toBeLessThan(10_000);
    expect(worst('nextCallMs')).toBeLessThan(1000);
  });
});
