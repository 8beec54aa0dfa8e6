/**
 * Starts the dev/CI Neo4j (`tools/neo4j-dev/run.sh`: Neo4j 5.26 embedded, Bolt on 127.0.0.1, auth off) as a child
 * process when no `NEO4J_URI` is configured, waits until it reports ready and Bolt answers, and stops it on `stop()`
 * or when this process exits.
 *
 * @example
 *   const neo = await startEmbeddedNeo4j({ dataDir: '.data', boltPort: 7687 });
 *   neo.uri      // 'bolt://127.0.0.1:7687'
 *   await neo.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export interface EmbeddedNeo4jOptions {
  /** Platform data folder; the store goes to `<dataDir>/neo4j`. */
  dataDir: string;
  boltPort: number;
  /** First start resolves ~100 MB from Maven and Neo4j takes 10–40 s on a busy machine; default 300 s. */
  startTimeoutMs?: number;
  /** Operational messages (never record text); default stderr. */
  log?: (message: string) => void;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const RUN_SH = fileURLToPath(new URL('../../tools/neo4j-dev/run.sh', import.meta.url));
const STOP_GRACE_MS = 30_000;

export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.join(dataDir, 'neo4j'), { recursive: true });
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  // The JVM inherits this process's niceness (`nice -n 10 npm test` in development), so it is not re-niced here.
  const child = spawn('bash', [RUN_SH], {
    env: { ...process.env, DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(options.boltPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const stopOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', stopOnExit);

  log(`neo4j: starting embedded Neo4j on ${uri} (store ${path.join(dataDir, 'neo4j')})`);
  try {
    await waitForReady(child, options.startTimeoutMs ?? 300_000, remember);
  } catch (err) {
    process.removeListener('exit', stopOnExit);
    await stopChild(child);
    throw new Error(`${(err as Error).message}; last output:\n${tail.join('\n')}`);
  }
  log(`neo4j: ready on ${uri} (pid ${String(child.pid)})`);
  return {
    uri,
    pid: child.pid,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child);
    },
  };
}

/** The launcher prints `NEO4J_READY ...` once the database is available (not merely once the port is open). */
function waitForReady(child: ChildProcess, timeoutMs: number, remember: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded Neo4j: not ready within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`embedded Neo4j: exited with code ${String(code)} before it was ready`));
    };
    child.once('exit', onExit);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      if (line.startsWith('NEO4J_READY')) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        resolve();
      }
    });
  });
}

/** SIGTERM runs the launcher's shutdown hook (clean store); SIGKILL only if it hangs. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
