/**
 * Runs the platform as a child process from `dist/` (what `npm start` runs), for end-to-end tests.
 *
 * @example
 *   const platform = await startPlatformProcess({ NEO4J_URI: uri, MODEL_DIR: modelDir });
 *   platform.url        // 'http://127.0.0.1:40123/graphql'
 *   await platform.kill('SIGKILL');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = path.join(ROOT, 'dist/main.js');

export interface PlatformProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends the signal and waits for the exit; resolves with the exit code (null when killed by the signal). */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  /** Sends the signal to the platform's whole process group, as Ctrl-C in a terminal does (needs `detached`). */
  interruptGroup(signal: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
}

export interface PlatformProcessOptions {
  /** Use (and keep) this DATA_DIR; default: a fresh temporary one, removed on exit. */
  dataDir?: string;
  /** Its own process group, like a program started from a terminal (for `interruptGroup`). */
  detached?: boolean;
  /** The log line that says it serves, its first group the URL (log lines are JSON: it ends before the closing quote); default the GraphQL server's `listening on`. */
  ready?: RegExp;
  /** Names the process in start-up errors and the temporary DATA_DIR; default 'platform'. */
  name?: string;
}

export async function startPlatformProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
  options: PlatformProcessOptions = {},
): Promise<PlatformProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const name = options.name ?? 'platform';
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), options.name ? `oncotimeline-${name}-` : 'oncotimeline-e2e-'));
  const ready = options.ready ?? /graphql: listening on ([^\s"]+)/;
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    detached: options.detached ?? false,
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NER_POOL_SIZE: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const poll = setInterval(() => {
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`${name} exited with code ${String(code)} during start-up:\n${output}`));
    });
  });

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    pid: child.pid!,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async interruptGroup(signal) {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      return exited;
    },
    exited,
  };
}
