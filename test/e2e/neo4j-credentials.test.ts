/**
 * Issue 18, "Access control": "The embedded Neo4j accepts any Cypher on its Bolt port without credentials."
 * Now the platform generates a password into `<DATA_DIR>/neo4j/password` (0600) on first start and the launcher turns
 * auth on with it: a Bolt client without the password (or with Neo4j's default one) is refused, the platform itself
 * works, and keeps working after a restart; a store created earlier without auth keeps its data and gets the password.
 * Before: every start ran with `auth_enabled=false`, so the no-credentials connection below succeeded.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j } from '../../src/graph/embedded-neo4j.js';
import { openGraph } from '../../src/graph/open-graph.js';
import { uniqueId } from '../helpers/neo4j.js';
import { e2eModelDir, exampleRecords } from './helpers/e2e-fixtures.js';
import { gqlData } from './helpers/graphql-client.js';
import { startPlatformProcess } from './helpers/platform-process.js';
import { freePort } from '../helpers/processes.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-credentials-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** 'ok' when `RETURN 1` runs over Bolt with these credentials, else the Neo4j error code. */
async function boltAs(uri: string, user?: string, password?: string): Promise<string> {
  const driver = neo4j.driver(uri, user === undefined ? undefined : neo4j.auth.basic(user, password ?? ''));
  try {
    await driver.executeQuery('RETURN 1');
    return 'ok';
  } catch (err) {
    return String((err as { code?: unknown }).code);
  } finally {
    await driver.close();
  }
}

const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';
const SUBMIT = `mutation ($r: [RecordInput!]!) { submitRecords(records: $r) { id } }`;
const JOB = `query ($id: ID!) { job(id: $id) { status } }`;
const RECORD = `query ($id: ID!) { record(id: $id) { id status } }`;

describe('embedded Neo4j credentials', { timeout: 600_000 }, () => {
  it('a platform on a fresh DATA_DIR: password file 0600, Bolt refuses callers without it, works; a restart keeps working', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const uri = `bolt://127.0.0.1:${port}`;
    const env = { MODEL_DIR: e2eModelDir(), NEO4J_BOLT_PORT: String(port), JOB_CONCURRENCY: '1' };
    const record = exampleRecords(uniqueId('cred'))[0]!;

    const first = await startPlatformProcess(env, 360_000, { dataDir });
    const file = path.join(dataDir, 'neo4j', 'password');
    const password = readFileSync(file, 'utf8').trim();
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(password).toMatch(/^[\w-]{43}$/); // 32 random bytes, base64url
      expect(await boltAs(uri)).toBe(UNAUTHORIZED); // before: 'ok', any local process ran any Cypher
      expect(await boltAs(uri, 'neo4j', 'neo4j')).toBe(UNAUTHORIZED); // Neo4j's default password
      expect(await boltAs(uri, 'neo4j', `${password}x`)).toBe(UNAUTHORIZED);
      expect(await boltAs(uri, 'neo4j', password)).toBe('ok');

      const { submitRecords: job } = await gqlData<{ submitRecords: { id: string } }>(first.url, SUBMIT, { r: [record] });
      let status = '';
      for (let i = 0; i < 600 && status !== 'SUCCEEDED'; i += 1) {
        status = (await gqlData<{ job: { status: string } }>(first.url, JOB, { id: job.id })).job.status;
        if (status !== 'SUCCEEDED') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe('SUCCEEDED');
    } finally {
      expect(await first.kill('SIGTERM')).toBe(0);
    }
    expect(first.output()).not.toContain(password);

    const second = await startPlatformProcess(env, 360_000, { dataDir });
    try {
      expect(readFileSync(file, 'utf8').trim()).toBe(password); // generated once, kept
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const stored = await gqlData<{ record: { id: string; status: string } | null }>(second.url, RECORD, { id: record.recordId });
      expect(stored.record).toEqual({ id: record.recordId, status: 'DONE' });
      expect(await boltAs(uri)).toBe(UNAUTHORIZED);
      expect(await boltAs(uri, 'neo4j', password)).toBe('ok');
    } finally {
      expect(await second.kill('SIGTERM')).toBe(0);
    }
    expect(second.output()).not.toContain(password);
  });

  it('a store created without auth keeps its data, gets the generated password, and is refused to others', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const uri = `bolt://127.0.0.1:${port}`;
    const marker = uniqueId('legacy');
    // The store as an earlier version made it: auth off.
    const old = await startEmbeddedNeo4j({ dataDir, boltPort: port, log: () => undefined });
    expect(old.credentials).toBeNull();
    expect(await boltAs(uri)).toBe('ok');
    const open = neo4j.driver(uri);
    await open.executeQuery('CREATE (:LegacyMarker {id: $id})', { id: marker });
    await open.close();
    await old.stop();

    const graph = await openGraph({ uri: null, boltPort: port, dataDir, log: () => undefined });
    try {
      expect(graph.embedded).toBe(true);
      const password = readFileSync(path.join(dataDir, 'neo4j', 'password'), 'utf8').trim();
      expect(statSync(path.join(dataDir, 'neo4j', 'password')).mode & 0o777).toBe(0o600);
      expect(await boltAs(uri)).toBe(UNAUTHORIZED);
      const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
      const { records } = await driver.executeQuery('MATCH (m:LegacyMarker {id: $id}) RETURN count(m) AS n', { id: marker });
      await driver.close();
      expect(Number(records[0]!.get('n'))).toBe(1);

      // Another DATA_DIR finding this Neo4j on its port: its password is refused → NEO4J_STORE_NOT_OURS, quickly.
      const started = performance.now();
      await expect(openGraph({ uri: null, boltPort: port, dataDir: tempDir(), log: () => undefined }))
        .rejects.toMatchObject({ code: 'NEO4J_STORE_NOT_OURS' });
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await graph.close();
    }
  });
});
