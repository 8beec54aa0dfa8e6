/**
 * `submitRecords`: validate the whole call against the limits, then hand it to the job service.
 * A call that fails validation throws a typed error before anything is persisted.
 */
import { validateRecords, type ClinicalRecord } from '../../domain/index.js';
import type { JobNode } from './job.type.js';
import type { ApiServices } from '../services.js';

export async function submitRecords(services: ApiServices, input: readonly ClinicalRecord[]): Promise<JobNode> {
  const records = input.map(({ patientId, recordId, kind, recordedAt, text }) => ({ patientId, recordId, kind, recordedAt, text }));
  validateRecords(records, services.limits);
  return services.jobs.submit(records);
}
