/** Public surface of the jobs layer. */
export { JobService, type JobServiceDeps } from './job.service.js';
export * from './job.types.js';
export {
  cancelJob, finishItems, itemId, jobsByIds, listJobs, markJobRunning, nextPatientItem, queuedPatients, requeueItem, submitJob,
  type ItemOutcome, type JobItem,
} from './job.repo.js';
export { failItem, processRecord, type ProcessDeps } from './process-record.js';
export {
  DEFAULT_GROUP_COMMIT, GroupCommitter, writeFinishedRecords, type CommitEntry, type GroupCommitHooks, type GroupCommitOptions,
} from './group-commit.js';
export { StageError, describeFailure, isUnavailable, signal } from './record-errors.js';
