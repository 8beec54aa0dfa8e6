/**
 * The platform for a browser suite: the built platform (dist/, with dist/web) as a child process against the test
 * run's Neo4j, plus submitting records and waiting for their job, over real HTTP.
 */
import type { ClinicalRecord } from '../../../../src/domain/record.js';
import { testDriver, testNeo4jUri } from '../../../helpers/neo4j.js';
import { gqlData } from '../../helpers/graphql-client.js';
import { startPlatformProcess, type PlatformProcess } from '../../helpers/platform-process.js';

const FINAL = ['SUCCEEDED', 'PARTIAL', 'FAILED'];

export async function startBrowserPlatform(modelDir: string): Promise<PlatformProcess & { origin: string }> {
  await (await testDriver()).close(); // waits until the run's Neo4j answers
  const platform = await startPlatformProcess({
    NEO4J_URI: testNeo4jUri(),
    ...(process.env['NEO4J_USER'] ? { NEO4J_USER: process.env['NEO4J_USER'], NEO4J_PASSWORD: process.env['NEO4J_PASSWORD'] ?? '' } : {}),
    MODEL_DIR: modelDir,
  });
  return Object.assign(platform, { origin: new URL(platform.url).origin });
}

export async function submitRecords(url: string, records: ClinicalRecord[]): Promise<string> {
  const { submitRecords: job } = await gqlData<{ submitRecords: { id: string } }>(
    url,
    'mutation ($records: [RecordInput!]!) { submitRecords(records: $records) { id } }',
    { records },
  );
  return job.id;
}

export async function waitForJob(url: string, jobId: string, timeoutMs = 240_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { job } = await gqlData<{ job: { status: string } }>(url, 'query ($id: ID!) { job(id: $id) { status } }', { id: jobId });
    if (FINAL.includes(job.status)) return job.status;
    if (Date.now() > deadline) throw new Error(`expected job ${jobId} to finish within ${timeoutMs} ms, got ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
