/** Shared set-up of job tests: a JobService over the test Neo4j, records with unique ids, waiting for a job. */
import type { ClinicalRecord } from '../../src/domain/record.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { JobService, type JobView } from '../../src/jobs/index.js';
import type { EntityExtractor, RecordPipeline } from '../../src/pipeline/index.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';
import { testPipeline } from '../helpers/test-pipeline.js';
import { uniqueId } from '../helpers/neo4j.js';

export function record(patientId: string, text: string, recordedAt: string, recordId = uniqueId('rec')): ClinicalRecord {
  return { patientId, recordId, kind: 'PROGRESS', recordedAt, text };
}

/** `resume: false`: test files run in parallel on one database; a service must not take another file's jobs. */
export function newService(driver: GraphDriver, ner: EntityExtractor = dictionaryNer(), concurrency = 2): JobService {
  return new JobService({ driver, pipeline: testPipeline(ner), concurrency, log: () => undefined, resume: false });
}

/** A service over any pipeline (e.g. the platform's, around a real engine). */
export function newServiceWith(driver: GraphDriver, pipeline: RecordPipeline, concurrency = 2): JobService {
  return new JobService({ driver, pipeline, concurrency, log: () => undefined, resume: false });
}

/** Resolves with the job's final view (progress events), failing after `timeoutMs`. */
export async function finished(service: JobService, jobId: string, timeoutMs = 30_000): Promise<JobView> {
  const current = await service.get(jobId);
  if (current?.finishedAt) return current;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job ${jobId}: not finished within ${timeoutMs} ms`)), timeoutMs);
    const off = service.on('progress', (e) => {
      if (e.job.id === jobId && e.job.finishedAt !== null) {
        clearTimeout(timer);
        off();
        resolve(e.job);
      }
    });
  });
}
