/**
 * Neo4j down (issue 18 § 4): queries used to wait 31 s and submissions 61 s before an INTERNAL_SERVER_ERROR. Now the
 * first call fails within NEO4J_TIMEOUT_MS with SERVICE_UNAVAILABLE, every later call at once, and when Neo4j answers
 * again the driver notices by itself (no restart) and wakes what waits in `whenAvailable()`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GraphDriver } from '../../src/graph/driver.js';
import { testDriver, testNeo4jUri } from '../helpers/neo4j.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

let proxy: TcpProxy;
let driver: GraphDriver;
const logs: string[] = [];

beforeAll(async () => {
  await (await testDriver()).close(); // the run's Neo4j is up
  const target = new URL(testNeo4jUri().replace(/^bolt/, 'http'));
  proxy = await startTcpProxy(target.hostname, Number(target.port));
  driver = await GraphDriver.connect({
    uri: proxy.uri, user: process.env['NEO4J_USER'] ?? null, password: process.env['NEO4J_PASSWORD'] ?? null,
    timeoutMs: 2000, log: (m) => logs.push(m),
  });
});

afterAll(async () => {
  await driver?.close();
  await proxy?.close();
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error: any }> {
  const started = performance.now();
  try {
    await work();
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

it('fails fast with SERVICE_UNAVAILABLE while Neo4j is away, and recovers by itself when it is back', async () => {
  expect(await driver.read('jobs-by-ids', { ids: ['none'] })).toEqual([]);
  await proxy.cut();

  const first = await timed(() => driver.read('jobs-by-ids', { ids: ['none'] }));
  expect(first.error?.code).toBe('SERVICE_UNAVAILABLE');
  expect(first.ms).toBeLessThan(6000); // bounded by timeoutMs (2 s) plus the driver's retry back-off
  expect(driver.available).toBe(false);

  const write = await timed(() => driver.write('start-job', { jobId: 'none', now: 'x' }));
  expect(write.error?.code).toBe('SERVICE_UNAVAILABLE');
  expect(write.ms).toBeLessThan(50); // known down: no waiting at all
  await expect(driver.ping()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

  let resumed = false;
  const waiting = driver.whenAvailable().then(() => (resumed = true));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(resumed).toBe(false);

  await proxy.restore();
  await waiting;
  expect(driver.available).toBe(true);
  expect(await driver.read('jobs-by-ids', { ids: ['none'] })).toEqual([]);
  expect(logs.join('\n')).toMatch(/neo4j: unavailable[\s\S]*neo4j: available again after \d+ ms/);
}, 60_000);

it('refuses writes after refuseWrites() (shutdown), reads still work', async () => {
  const other = await GraphDriver.connect({ uri: testNeo4jUri(), user: process.env['NEO4J_USER'] ?? null, password: process.env['NEO4J_PASSWORD'] ?? null });
  try {
    other.refuseWrites();
    await expect(other.write('start-job', { jobId: 'none', now: 'x' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await other.read('jobs-by-ids', { ids: ['none'] })).toEqual([]);
  } finally {
    await other.close();
  }
});
