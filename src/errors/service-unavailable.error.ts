import { OncoError } from './onco-error.js';

/**
 * Neo4j does not answer (stopped, restarting, unreachable), or the platform is shutting down. Raised within
 * `NEO4J_TIMEOUT_MS`, never after a minute; clients may retry later. Jobs pause and resume by themselves.
 */
export class ServiceUnavailableError extends OncoError<'SERVICE_UNAVAILABLE'> {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(reason: 'neo4j unavailable' | 'shutting down', options?: { cause?: unknown }) {
    super(reason === 'neo4j unavailable'
      ? 'the graph database is unavailable; try again shortly'
      : 'the platform is shutting down; try again shortly', { reason }, options);
  }
}
