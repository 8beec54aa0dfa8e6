/**
 * SIGKILL in the middle of a job (issue 18 § 7), with the embedded Neo4j: the platform is killed with SIGKILL once
 * (RELIABILITY=long: five times) while records are being processed. Its Neo4j must not outlive it (the Launcher's
 * parent watchdog), the next start on the same DATA_DIR must resume the job, and at the end every record is stored
 * exactly once and none FAILED.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRecords } from '../e2e/helpers/e2e-fixtures.js';
import { uniqueId } from '../helpers/neo4j.js';
import { report, size } from './helpers/mode.js';
import { startReliabilityPlatform, waitForFinalJob, type ReliabilityPlatform } from './helpers/reliability-platform.js';
import { alive } from '../helpers/processes.js';

async function done(p: ReliabilityPlatform, jobId: string): Promise<number> {
  return ((await p.gql(`query ($id: ID!) { job(id: $id) { done } }`, { id: jobId })).data?.job?.done as number | undefined) ?? 0;
}

describe('reliability: SIGKILL mid-job', { timeout: 1_200_000 }, () => {
  it(`killed ${size(1, 5)} time(s) mid-job: resumed by the next start, every record stored exactly once, no orphaned Neo4j`, async () => {
    const prefix = uniqueId('kill');
    const base = exampleRecords(prefix);
    const records = Array.from({ length: 40 }, (_, i) => {
      const r = base[i % base.length]!;
      return { ...r, recordId: `${r.recordId}-${i}`, text: r.text.repeat(6).slice(0, 3000) };
    });
    let platform = await startReliabilityPlatform({ JOB_CONCURRENCY: '1', MAX_RECORDS_PER_CALL: '100' });
    const reuse = { dataDir: platform.dataDir, env: platform.env };
    const submitted = await platform.gql(`mutation ($r: [RecordInput!]!) { submitRecords(records: $r) { id } }`, { r: records });
    const jobId = submitted.data.submitRecords.id as string;
    const kills = size(1, 5);
    const doneAtKill: number[] = [];
    let orphans = 0;
    for (let k = 0; k < kills; k += 1) {
      const from = await done(platform, jobId);
      while ((await done(platform, jobId)) < Math.min(from + 2, records.length - 1)) await new Promise((resolve) => setTimeout(resolve, 20));
      const neo4jPid = (JSON.parse(readFileSync(path.join(platform.dataDir, 'neo4j.pid'), 'utf8')) as { pid: number }).pid;
      doneAtKill.push(await done(platform, jobId));
      expect(await platform.kill('SIGKILL')).toBeNull();
      const deadline = Date.now() + 60_000;
      while (alive(neo4jPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      if (alive(neo4jPid)) orphans += 1;
      platform = await startReliabilityPlatform({}, reuse);
    }
    const final = await waitForFinalJob(platform, jobId);
    let lost = 0;
    let duplicated = 0;
    let entities = 0;
    for (const r of records) {
      const stored = (await platform.gql(`query ($id: ID!) { record(id: $id) { status entityCount entities { id } } }`, { id: r.recordId })).data?.record;
      if (!stored || stored.status !== 'DONE') {
        lost += 1;
        continue;
      }
      entities += stored.entities.length;
      if (stored.entities.length !== stored.entityCount || new Set(stored.entities.map((e: { id: string }) => e.id)).size !== stored.entities.length) duplicated += 1;
    }
    const totals = (await platform.gql(`query ($id: ID!) { job(id: $id) { entities } }`, { id: jobId })).data?.job;
    expect(await platform.kill('SIGTERM')).toBe(0);
    report('sigkill', { kills, records: records.length, doneAtKills: doneAtKill.join(' '), final: final.status, lost, duplicated, orphans, failed: final.failed });
    expect(final).toMatchObject({ status: 'SUCCEEDED', done: records.length, failed: 0 });
    expect({ lost, duplicated, orphans }).toEqual({ lost: 0, duplicated: 0, orphans: 0 });
    expect(totals.entities).toBe(entities); // the job counted each record once
  });
});
