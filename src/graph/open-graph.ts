/**
 * The graph connection of one process: connects to `uri`, or (uri null) to an embedded Neo4j it starts itself,
 * then applies the schema (idempotent). `close()` closes the driver and stops what it started.
 *
 * Credentials: an external Neo4j gets `user`/`password` (NEO4J_USER/NEO4J_PASSWORD); the embedded one always runs
 * with auth, as user `neo4j` with the password generated into `<dataDir>/neo4j/password` (`neo4j-password.ts`).
 *
 * @example
 *   const graph = await openGraph({ uri: null, boltPort: 7687, dataDir: '.data' });
 *   graph.uri        // 'bolt://127.0.0.1:7687'
 *   await graph.close();
 */
import path from 'node:path';
import { GraphDriver } from './driver.js';
import { StoreNotOursError } from '../errors/index.js';
import { stderrLog, type Log } from '../log/index.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';
import { ensureNeo4jPassword } from './neo4j-password.js';
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
  log?: Log;
}

export interface Graph {
  readonly driver: GraphDriver;
  readonly uri: string;
  /** True when this process started the Neo4j it talks to. */
  readonly embedded: boolean;
  close(): Promise<void>;
}

export async function openGraph(options: OpenGraphOptions): Promise<Graph> {
  const log = options.log ?? stderrLog;
  let embedded: EmbeddedNeo4j | null = null;
  let uri = options.uri;
  let user = options.user ?? null;
  let password = options.password ?? null;
  if (uri === null) {
    uri = `bolt://127.0.0.1:${options.boltPort}`;
    const credentials = ensureNeo4jPassword(options.dataDir, log);
    [user, password] = [credentials.user, credentials.password];
    // An instance already answering there (`npm run neo4j` in another terminal) is reused rather than fought over,
    // but only when it takes this DATA_DIR's password and serves its store (its StoreOwner token); anyone else's
    // is refused.
    const probe = await probeBolt(uri, user, password);
    if (probe === 'nothing') {
      embedded = await startEmbeddedNeo4j({ dataDir: options.dataDir, boltPort: options.boltPort, log, auth: true });
    } else if (probe === 'refused') {
      throw new StoreNotOursError(uri, path.join(path.resolve(options.dataDir), 'neo4j'));
    } else {
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
      uri, user, password, log, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
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

/**
 * One try at the Bolt port: a connected driver, `'refused'` when something answers but rejects this DATA_DIR's
 * password (a Neo4j with another store and auth), or `'nothing'` when nobody answers (start our own).
 */
async function probeBolt(uri: string, user: string, password: string): Promise<GraphDriver | 'refused' | 'nothing'> {
  try {
    return await GraphDriver.connect({ uri, user, password, connectTimeoutMs: 0 });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit' ? 'refused' : 'nothing';
  }
}
