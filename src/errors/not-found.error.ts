import { OncoError } from './onco-error.js';

/** An id that names nothing, where the operation needs it to exist (`jobProgress(jobId)`). */
export class NotFoundError extends OncoError<'NOT_FOUND'> {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string) {
    super(`${entity} '${id}' not found`, { entity, id });
  }
}
