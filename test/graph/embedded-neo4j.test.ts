/**
 * The embedded Neo4j (issue 18 § 3, "Isolation"): it runs in its own process group (Ctrl-C reaches the platform
 * first), never outlives the process that started it (even one killed with SIGKILL), a stale one named by the pid file
 * is stopped by the next start, and a Neo4j already on the Bolt port is reused only when it serves this DATA_DIR's
 * store (before: any Neo4j answering there was used, so `npm start` could write into someone else's graph).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/graph/embedded-neo4j.js';
import { readPidFile, stopStaleNeo4j, writePidFile } from '../../src/graph/neo4j-pid-file.js';
import { openGraph } from '../../src/graph/open-graph.js';
import { freePort, alive } from '../helpers/processes.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-embedded-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

describe('embedded Neo4j', { timeout: 400_000 }, () => {
  it('runs in its own process group with a pid file, and refuses to serve another DATA_DIR on its port', async () => {
    const [ours, other] = [tempDir(), tempDir()];
    const port = await freePort();
    let neo: EmbeddedNeo4j | null = null;
    try {
      neo = await startEmbeddedNeo4j({ dataDir: ours, boltPort: port, log: () => undefined });
      const pid = neo.pid!;
      const pgid = Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      expect(pgid).toBe(pid); // group leader: a terminal's SIGINT to our group does not reach it
      expect(readPidFile(ours)).toEqual({ pid, port });
      expect(readFileSync(path.join(ours, 'neo4j', 'store-owner.token'), 'utf8').trim()).toMatch(/^[0-9a-f-]{36}$/);

      const started = performance.now();
      await expect(openGraph({ uri: null, boltPort: port, dataDir: other, log: () => undefined }))
        .rejects.toMatchObject({ code: 'NEO4J_STORE_NOT_OURS', message: expect.stringContaining(path.join(other, 'neo4j')) });
      expect(performance.now() - started).toBeLessThan(10_000);

      const reused = await openGraph({ uri: null, boltPort: port, dataDir: ours, log: () => undefined });
      expect(reused.embedded).toBe(false);
      await reused.close();
      expect(alive(pid)).toBe(true); // reusing never stops someone else's process
    } finally {
      await neo?.stop();
    }
    expect(existsSync(path.join(ours, 'neo4j.pid'))).toBe(false);
  });

  it('exits when the process that started it is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/embedded-child.ts', import.meta.url))], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`child exited early with ${String(code)}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /^NEO4J_PID (\d+)$/.exec(line);
        if (match) resolve(Number(match[1]));
      });
    });
    expect(alive(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntil(() => !alive(pid), 60_000)).toBe(true);
  });

  it('the next start stops a Launcher named by a stale pid file, and leaves unrelated processes alone', async () => {
    const dataDir = tempDir();
    const store = path.join(dataDir, 'neo4j');
    // A stand-in whose command line looks like the Launcher's for this store (`java … Launcher <store> <port>`).
    const fake = spawn('bash', ['-c', 'sleep 300', 'Launcher', store, '7687'], { detached: true, stdio: 'ignore' });
    writePidFile(dataDir, { pid: fake.pid!, port: 7687 });
    await waitUntil(() => readFileSync(`/proc/${fake.pid}/cmdline`, 'utf8').includes('Launcher'), 5000);
    expect(await stopStaleNeo4j(dataDir, () => undefined)).toBe(fake.pid);
    expect(await waitUntil(() => fake.exitCode !== null || fake.signalCode !== null, 5000)).toBe(true);
    expect(readPidFile(dataDir)).toBeNull();

    writePidFile(dataDir, { pid: process.pid, port: 7687 }); // a live pid that is not a Launcher for this store
    expect(await stopStaleNeo4j(dataDir, () => undefined)).toBeNull();
  });
});
