/**
 * One platform process of a multi-process deployment, from the built `dist/` (`node dist/main.js` with ROLE=api or
 * worker), for the scale tests and the scale bench. Resolves once it logs that it is serving.
 *
 * @example
 *   const api = await startNode('api', { REDIS_URL, NEO4J_URI, MODEL_DIR });   // api.url: 'http://127.0.0.1:40111/graphql'
 *   const worker = await startNode('worker', env);  worker.logged(/record .* DONE/g)   // records it finished
 *   await worker.kill('SIGKILL');
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = path.join(ROOT, 'dist/main.js');

export interface NodeProcess {
  readonly role: 'api' | 'worker' | 'all';
  readonly pid: number;
  /** GraphQL URL of an API process; the health URL of a worker. */
  readonly url: string;
  readonly wsUrl: string;
  output(): string;
  /** Lines of its log matching `pattern` (with the g flag). */
  logged(pattern: RegExp): string[];
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export async function startNode(role: NodeProcess['role'], env: Record<string, string>, timeoutMs = 120_000): Promise<NodeProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const dataDir = mkdtempSync(path.join(tmpdir(), `oncotimeline-${role}-`));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir,
      NER_POOL_SIZE: '1', ROLE: role, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    rmSync(dataDir, { recursive: true, force: true });
    resolve(code);
  }));
  const ready = role === 'worker' ? /worker: health on (\S+)/ : /graphql: listening on (\S+)/;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
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
      reject(new Error(`${role} exited with code ${String(code)} during start-up:\n${output}`));
    });
  });
  return {
    role,
    pid: child.pid!,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    output: () => output,
    logged: (pattern) => output.match(pattern) ?? [],
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
