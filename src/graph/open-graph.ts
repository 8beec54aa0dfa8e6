/**
 * The graph connection of one process: connects to `uri`, or (uri null) to an embedded Neo4j it starts itself,
 * then applies the schema (idempotent). `close()` closes the driver and stops what it started.
 *
 * @example
 *   const graph = await openGraph({ uri: null, boltPort: 7687, dataDir: '.data' });
 *   graph.uri        // 'bolt://127.0.0.1:7687'
 *   await graph.close();
 */
import { GraphDriver } from './driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';
import { assertStoreIsOurs } from './store-owner.js';

export interface OpenGraphOptions {
  /** External Neo4j; null → embedded on `boltPort` with its store under `<dataDir>/neo4j`. */
  uri: string | null;
  user?: string | null;
  password?: string | null;
  boltPort: number;
  dataDir: string;
  /** NEO4J_TIMEOUT_MS: how long a call waits for an unavailable Neo4j; default 5 s. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface Graph {
  readonly driver: GraphDriver;
  readonly uri: string;
  /** True when this process started the Neo4j it talks to. */
  readonly embedded: boolean;
  close(): Promise<void>;
}

export async function openGraph(options: OpenGraphOptions): Promise<Graph> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  let embedded: EmbeddedNeo4j | null = null;
  let uri = options.uri;
  if (uri === null) {
    uri = `bolt://127.0.0.1:${options.boltPort}`;
    // An instance already answering there (`npm run neo4j` in another terminal) is reused rather than fought over,
    // but only when it serves this DATA_DIR's store (its StoreOwner token); anyone else's is refused.
    if (!(await answers(uri))) {
      embedded = await startEmbeddedNeo4j({ dataDir: options.dataDir, boltPort: options.boltPort, log });
    } else {
      const probe = await GraphDriver.connect({ uri, connectTimeoutMs: 0 });
      try {
        await assertStoreIsOurs(probe, options.dataDir, uri);
      } finally {
        await probe.close();
      }
      log(`neo4j: reusing the Neo4j already answering on ${uri} (it serves this DATA_DIR's store)`);
    }
  }
  let driver: GraphDriver;
  try {
    driver = await GraphDriver.connect({
      uri, user: options.user ?? null, password: options.password ?? null, log, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    await driver.applySchema();
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    driver,
    uri,
    embedded: embedded !== null,
    close: async () => {
      await driver.close();
      await embedded?.stop();
    },
  };
}

async function answers(uri: string): Promise<boolean> {
  try {
    const probe = await GraphDriver.connect({ uri, connectTimeoutMs: 0 });
    await probe.close();
    return true;
  } catch {
    return false; // nothing listening: start our own
  }
}
