/**
 * vitest globalSetup: one Neo4j for the whole test run. With `NEO4J_URI` set, tests use that server. Otherwise an
 * embedded Neo4j starts on a free port (or `NEO4J_TEST_PORT`) with a throw-away store, in the background, so runs
 * that never touch the graph do not wait for it; `test/helpers/neo4j.ts` waits until it answers.
 * Tests get the URI via `inject('neo4jUri')` (also `process.env.NEO4J_TEST_URI`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/graph/embedded-neo4j.js';
import { freePort } from './helpers/processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let starting: Promise<EmbeddedNeo4j | null> = Promise.resolve(null);
let dataDir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env['NEO4J_URI']?.trim();
  if (external) {
    project.provide('neo4jUri', external);
    process.env['NEO4J_TEST_URI'] = external;
    return;
  }
  const port = Number(process.env['NEO4J_TEST_PORT'] ?? 0) || (await freePort());
  const uri = `bolt://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-neo4j-test-'));
  project.provide('neo4jUri', uri);
  process.env['NEO4J_TEST_URI'] = uri;
  starting = startEmbeddedNeo4j({ dataDir, boltPort: port, log: () => undefined }).catch((err: unknown) => {
    process.stderr.write(`test neo4j: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  });
}

export async function teardown(): Promise<void> {
  const neo = await starting;
  await neo?.stop();
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
}
