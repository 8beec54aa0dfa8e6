/**
 * A process killed with SIGKILL in the middle of a job loses no accepted record and stores each exactly once:
 * the next start resumes the job and the record-plus-bookkeeping transactions make redoing a record idempotent.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { JobService } from '../../src/jobs/index.js';
import { testPipeline } from '../helpers/test-pipeline.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';
import { finished, record } from './job-test-kit.js';

let driver: GraphDriver;
beforeAll(async () => {
  driver = await testDriver();
});
afterAll(async () => {
  await driver?.close();
});

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const TEXTS = ['2018-03-12行左乳癌改良根治术，术后2年复查CT。', '术后3个月行紫杉醇化疗，复查血常规。', '复查血常规。'];
const ENTITIES_PER_TEXT = [3, 3, 1];

it('SIGKILL mid-job: resumed on the next start, every record stored exactly once', async () => {
  const patients = Array.from({ length: 5 }, () => uniqueId('p'));
  const records = Array.from({ length: 24 }, (_, i) =>
    record(patients[i % 5]!, TEXTS[i % 3]!, `2018-0${1 + (i % 9)}-15`));
  const expectedEntities = records.reduce((sum, _, i) => sum + ENTITIES_PER_TEXT[i % 3]!, 0);
  // Submitted by a service that never starts: the job waits in Neo4j for the child.
  const job = await new JobService({ driver, pipeline: testPipeline(), concurrency: 1, resume: false, log: () => undefined })
    .submit(records);

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, NEO4J_TEST_URI: testNeo4jUri(), JOB_ID: job.id },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', () => reject(new Error('child exited before it was killed')));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const done = /^DONE (\d+)$/.exec(line);
      if (done && Number(done[1]) >= 4) resolve();
    });
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const interrupted = await new JobService({ driver, pipeline: testPipeline(), concurrency: 1, resume: false }).get(job.id);
  expect(interrupted?.done).toBeGreaterThanOrEqual(4);
  expect(interrupted?.done).toBeLessThan(records.length);
  expect(interrupted?.finishedAt).toBeNull();

  const resumed = new JobService({ driver, pipeline: testPipeline(), concurrency: 2, resume: [job.id], log: () => undefined });
  await resumed.start();
  const final = await finished(resumed, job.id, 60_000);
  await resumed.stop();
  expect(final).toMatchObject({ status: 'SUCCEEDED', total: 24, done: 24, failed: 0, entities: expectedEntities });

  const reads = new ReadRepository(driver);
  const perRecord = await reads.entitiesByRecordIds(records.map((r) => r.recordId));
  expect(perRecord.map((entities) => entities.length)).toEqual(records.map((_, i) => ENTITIES_PER_TEXT[i % 3]));
  const views = await reads.recordsByIds(records.map((r) => r.recordId));
  expect(views.every((v) => v?.status === 'DONE')).toBe(true);
}, 180_000);
