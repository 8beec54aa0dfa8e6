/** Public surface of the jobs layer. */
export { JobService, type JobServiceDeps } from './job.service.js';
export * from './job.types.js';
