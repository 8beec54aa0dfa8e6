/**
 * The Neo4j a bench section runs against: the one at `given` (an external server, left as it is), else an embedded
 * throw-away store under `bench/tmp/` on a free loopback port, removed again by `stop()`.
 *
 * @example
 *   const neo4j = await benchNeo4j(ctx, process.env['NEO4J_URI'], 'neo4j-');
 *   // … GraphDriver.connect({ uri: neo4j.uri }) …
 *   await neo4j.stop();
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../../src/graph/embedded-neo4j.js';
import { GraphDriver } from '../../src/graph/index.js';
import type { BenchContext } from './section.js';

export interface BenchNeo4j {
  readonly uri: string;
  /** True when this bench started it (and `stop()` removes it). */
  readonly embedded: boolean;
  stop(): Promise<void>;
}

export async function benchNeo4j(ctx: BenchContext, given: string | undefined, dirPrefix: string): Promise<BenchNeo4j> {
  const uri = given?.trim();
  if (uri) return { uri, embedded: false, stop: async () => {} };
  const tmp = path.join(ctx.repoRoot, 'bench', 'tmp');
  mkdirSync(tmp, { recursive: true });
  const dir = mkdtempSync(path.join(tmp, dirPrefix));
  const neo4j = await startEmbeddedNeo4j({ dataDir: dir, boltPort: await freePort(), log: ctx.log });
  return {
    uri: neo4j.uri,
    embedded: true,
    stop: async () => {
      await neo4j.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `benchNeo4j` with a driver on it (`NEO4J_USER` / `NEO4J_PASSWORD` when set); `close()` closes both. */
export async function benchGraph(
  ctx: BenchContext, given: string | undefined, dirPrefix: string,
): Promise<{ driver: GraphDriver; neo4j: BenchNeo4j; close(): Promise<void> }> {
  const neo4j = await benchNeo4j(ctx, given, dirPrefix);
  const driver = await GraphDriver.connect({ uri: neo4j.uri, user: process.env['NEO4J_USER'] ?? null, password: process.env['NEO4J_PASSWORD'] ?? null });
  return {
    driver,
    neo4j,
    close: async () => {
      await driver.close();
      await neo4j.stop();
    },
  };
}

/** A loopback TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}
