/**
 * Starts the dev/CI Neo4j (`tools/neo4j-dev/run.sh`: Neo4j 5.26 embedded, Bolt on 127.0.0.1) as a child
 * process when no `NEO4J_URI` is configured, waits until it reports ready, and stops it on `stop()` or when this
 * process exits.
 *
 * - Auth (`auth: true`, the platform's own store): a password generated into `<DATA_DIR>/neo4j/password` (0600,
 *   `neo4j-password.ts`) is handed to the launcher, which turns auth on; `credentials` are what the driver must use.
 *   Without it (tests' and benchmarks' throw-away stores) auth is off and `credentials` is null.
 * - Its own process group (`detached`): Ctrl-C in a terminal signals the platform, which then shuts down in order and
 *   stops Neo4j last, instead of Neo4j dying first under the record in flight.
 * - No orphans: the Launcher exits when its stdin closes (`NEO4J_EXIT_WITH_PARENT`), i.e. when this process is gone
 *   however it died; and `<DATA_DIR>/neo4j.pid` lets the next start stop one that is still running
 *   (`neo4j-pid-file.ts`).
 *
 * @example
 *   const neo = await startEmbeddedNeo4j({ dataDir: '.data', boltPort: 7687, auth: true });
 *   neo.uri           // 'bolt://127.0.0.1:7687'
 *   neo.credentials   // { user: 'neo4j', password: '…', file: '/abs/.data/neo4j/password' }
 *   await neo.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { stderrLog, type Log } from '../log/index.js';
import { ensureNeo4jPassword, type Neo4jCredentials } from './neo4j-password.js';
import { removePidFile, signal, stopStaleNeo4j, writePidFile } from './neo4j-pid-file.js';

export interface EmbeddedNeo4jOptions {
  /** Platform data folder; the store goes to `<dataDir>/neo4j`. */
  dataDir: string;
  boltPort: number;
  /** First start resolves ~100 MB from Maven and Neo4j takes 10–40 s on a busy machine; default 300 s. */
  startTimeoutMs?: number;
  /** Operational messages (never record text); default stderr. */
  log?: Log;
  /** Auth on, with the password in `<dataDir>/neo4j/password` (generated on first start); default false (throw-away stores). */
  auth?: boolean;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number | undefined;
  /** What the driver must log in with; null when auth is off. */
  readonly credentials: Neo4jCredentials | null;
  stop(): Promise<void>;
}

const RUN_SH = fileURLToPath(new URL('../../tools/neo4j-dev/run.sh', import.meta.url));
const STOP_GRACE_MS = 30_000;

export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? stderrLog;
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.join(dataDir, 'neo4j'), { recursive: true });
  await stopStaleNeo4j(dataDir, log);
  const credentials = options.auth === true ? ensureNeo4jPassword(dataDir, log) : null;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(options.boltPort), NEO4J_EXIT_WITH_PARENT: '1' };
  env['NEO4J_AUTH'] = credentials ? 'password-file' : 'none'; // run.sh; never inherited from the caller's environment
  if (credentials) env['NEO4J_PASSWORD_FILE'] = credentials.file;
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  // The JVM inherits this process's niceness (`nice -n 10 npm test` in development), so it is not re-niced here.
  const child = spawn('bash', [RUN_SH], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'], // stdin stays open and unused: the Launcher exits when it closes
    detached: true,
  });
  if (child.pid !== undefined) writePidFile(dataDir, { pid: child.pid, port: options.boltPort });
  const tail: string[] = [];
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const stopOnExit = (): void => {
    if (child.pid !== undefined) signal(child.pid, 'SIGTERM');
  };
  process.once('exit', stopOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', stopOnExit);
    await stopChild(child);
    removePidFile(dataDir);
  };

  log(`neo4j: starting embedded Neo4j on ${uri} (store ${path.join(dataDir, 'neo4j')}, auth ${credentials ? 'on' : 'off'})`);
  try {
    await waitForReady(child, options.startTimeoutMs ?? 300_000, remember);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}; last output:\n${tail.join('\n')}`);
  }
  log(`neo4j: ready on ${uri} (pid ${String(child.pid)}, own process group)`);
  return { uri, pid: child.pid, credentials, stop };
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

/** SIGTERM to its process group runs the launcher's shutdown hook (clean store); SIGKILL only if it hangs. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal(pid, 'SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve();
    });
    signal(pid, 'SIGTERM');
  });
}
