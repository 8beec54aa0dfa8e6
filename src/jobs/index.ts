/** Public surface of the jobs layer. */
export { JobService, type JobServiceDeps } from './job.service.js';
export * from './job.types.js';
export {
  cancelJob, itemId, jobsByIds, listJobs, markJobRunning, nextPatientItem, queuedPatients, requeueItem, submitJob,
  type JobItem,
} from './job.repo.js';
export { failItem, processRecord, type ProcessDeps } from './process-record.js';
export { StageError, describeFailure } from './record-errors.js';
