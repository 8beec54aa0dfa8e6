import { OncoError } from './onco-error.js';

/**
 * The embedded Neo4j's Bolt port is answered by a Neo4j whose store is not `<DATA_DIR>/neo4j` (its `StoreOwner`
 * token differs from the one in DATA_DIR), e.g. another user's platform on a shared machine. The platform refuses to
 * write into it.
 */
export class StoreNotOursError extends OncoError<'NEO4J_STORE_NOT_OURS'> {
  readonly code = 'NEO4J_STORE_NOT_OURS' as const;
  constructor(uri: string, storeDir: string) {
    super(`a Neo4j already answers on ${uri}, but its store is not ${storeDir}; refusing to use it. ` +
      'Stop that Neo4j, choose a free NEO4J_BOLT_PORT, or set NEO4J_URI to use it on purpose.', { uri });
  }
}
