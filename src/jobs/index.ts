/** Public surface of the jobs layer. */
export { JobService, type JobServiceDeps } from './job.service.js';
export type { NerExtractor } from './process-record.js';
export * from './job.types.js';
