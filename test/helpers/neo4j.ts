/**
 * Test access to the run's Neo4j (see test/global-setup.ts): a connected driver with the schema applied, and
 * unique ids so tests never need to wipe the shared database.
 *
 * @example
 *   const driver = await testDriver();   // waits for the embedded Neo4j if it is still starting
 *   const p = uniqueId('patient');        // 'patient-3f9c…'
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { GraphDriver } from '../../src/graph/driver.js';

let schemaApplied: Promise<void> | null = null;

export function testNeo4jUri(): string {
  return inject('neo4jUri');
}

/** Connects (waiting up to 5 minutes for a Neo4j still starting) and applies the schema once per worker. */
export async function testDriver(): Promise<GraphDriver> {
  const driver = await GraphDriver.connect({
    uri: testNeo4jUri(),
    user: process.env['NEO4J_USER'] ?? null,
    password: process.env['NEO4J_PASSWORD'] ?? null,
    connectTimeoutMs: 300_000,
  });
  schemaApplied ??= applySchemaWithRetry(driver);
  await schemaApplied;
  return driver;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}

/** Test files start in parallel workers; concurrent `CREATE ... IF NOT EXISTS` can collide, so retry a few times. */
async function applySchemaWithRetry(driver: GraphDriver): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.applySchema();
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}
