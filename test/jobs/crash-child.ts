/**
 * Child process of crash.test.ts: resumes one job with a slow NER and reports each finished record on stdout
 * (`DONE <n>`), so the parent can SIGKILL it mid-job. Env: NEO4J_TEST_URI, JOB_ID.
 */
import { GraphDriver } from '../../src/graph/driver.js';
import { JobService } from '../../src/jobs/index.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';
import { testPipeline } from '../helpers/test-pipeline.js';

const driver = await GraphDriver.connect({ uri: process.env['NEO4J_TEST_URI']!, connectTimeoutMs: 60_000 });
const jobId = process.env['JOB_ID']!;
const service = new JobService({
  driver, pipeline: testPipeline(dictionaryNer({ delayMs: 150 })), concurrency: 2, log: () => undefined, resume: [jobId],
});
service.on('progress', (e) => {
  if (e.recordId !== null) process.stdout.write(`DONE ${e.job.done}\n`);
});
await service.start();
process.stdout.write('STARTED\n');
