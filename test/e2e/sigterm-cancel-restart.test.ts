/**
 * Issue 18, "Shutdown" and "Jobs cannot be cancelled", the parts lifecycle.test.ts (Ctrl-C to the process group)
 * does not cover:
 * - SIGTERM to the node process alone (what `kill <pid>`, systemd and `docker stop` send) took 5–14 s; now the same
 *   ordered shutdown as Ctrl-C, in a few seconds, exit 0, the record in flight never FAILED, no Neo4j left behind.
 * - A job of 500 × 20,000 characters "came back after every restart; only deleting the data folder stopped it": a
 *   cancelled job stays CANCELLED after a restart and none of its dropped records is processed, while another job
 *   left queued by the shutdown resumes and finishes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../helpers/neo4j.js';
import { e2eModelDir, exampleRecords } from './helpers/e2e-fixtures.js';
import { gqlData } from './helpers/graphql-client.js';
import { startPlatformProcess } from './helpers/platform-process.js';
import { freePort, alive } from '../helpers/processes.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-sigterm-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SUBMIT = `mutation ($r: [RecordInput!]!) { submitRecords(records: $r) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelJob(id: $id) { status done cancelled } }`;
const JOB = `query ($id: ID!) { job(id: $id) { status total done failed cancelled errors { code } } }`;
const FINAL = ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'];

interface JobState { status: string; total: number; done: number; failed: number; cancelled: number; errors: unknown[] }

async function job(url: string, id: string): Promise<JobState> {
  return (await gqlData<{ job: JobState }>(url, JOB, { id })).job;
}

describe('SIGTERM and a cancelled job across a restart', { timeout: 600_000 }, () => {
  it('SIGTERM to node alone: ordered shutdown in seconds, nothing FAILED, no Neo4j left; a cancelled job stays cancelled after the restart', async () => {
    const env = {
      MODEL_DIR: e2eModelDir(), NEO4J_BOLT_PORT: String(await freePort()), JOB_CONCURRENCY: '1', SHUTDOWN_GRACE_MS: '3000',
      MAX_RECORDS_PER_CALL: '200',
    };
    const base = exampleRecords(uniqueId('term'));
    const batch = (tag: string, n: number) => Array.from({ length: n }, (_, i) => {
      const r = base[i % base.length]!;
      return { ...r, patientId: `${r.patientId}-${tag}${i % 7}`, recordId: `${r.recordId}-${tag}${i}`, text: r.text.repeat(4) };
    });

    const first = await startPlatformProcess(env, 360_000, { dataDir });
    const neo4jPid = (JSON.parse(readFileSync(path.join(dataDir, 'neo4j.pid'), 'utf8')) as { pid: number }).pid;
    const big = (await gqlData<{ submitRecords: { id: string } }>(first.url, SUBMIT, { r: batch('c', 150) })).submitRecords.id;
    while ((await job(first.url, big)).done < 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await gqlData(first.url, CANCEL, { id: big });
    const cancelled = await (async () => {
      for (;;) {
        const state = await job(first.url, big);
        if (FINAL.includes(state.status)) return state;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.done + cancelled.cancelled).toBe(150);
    expect(cancelled.cancelled).toBeGreaterThan(100);

    const resumed = (await gqlData<{ submitRecords: { id: string } }>(first.url, SUBMIT, { r: batch('r', 40) })).submitRecords.id;
    while ((await job(first.url, resumed)).status !== 'RUNNING') await new Promise((resolve) => setTimeout(resolve, 50));

    const started = performance.now();
    const code = await first.kill('SIGTERM'); // the node process only, not its group
    const shutdownMs = performance.now() - started;
    expect(code).toBe(0);
    expect(shutdownMs).toBeLessThan(15_000); // measured: a few seconds (before: 5–14 s); generous for a loaded machine
    const log = first.output();
    const steps = ['SIGTERM: shutting down', 'shutdown 1/5: stopped accepting work', 'shutdown 2/5: jobs stopped',
      'shutdown 3/5:', 'shutdown 4/5: NER engine closed', 'shutdown 5/5: neo4j driver closed, embedded Neo4j stopped', 'shutdown complete in'];
    const at = steps.map((s) => log.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(log).not.toMatch(/FAILED/);
    expect(alive(neo4jPid)).toBe(false);
    process.stderr.write(`sigterm: exit in ${Math.round(shutdownMs)} ms\n`);

    const second = await startPlatformProcess(env, 360_000, { dataDir });
    try {
      let state: JobState;
      for (;;) {
        state = await job(second.url, resumed);
        if (FINAL.includes(state.status)) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(state).toMatchObject({ status: 'SUCCEEDED', total: 40, done: 40, failed: 0, errors: [] });
      // before: the cancelled job's records came back after every restart
      expect(await job(second.url, big)).toEqual(cancelled);
      expect(second.output()).not.toContain(`job ${big} record`);
    } finally {
      expect(await second.kill('SIGTERM')).toBe(0);
    }
  });
});
