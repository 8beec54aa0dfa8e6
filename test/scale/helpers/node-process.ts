/**
 * One platform process of a multi-process deployment, from the built `dist/` (`node dist/main.js` with ROLE=api or
 * worker), for the scale tests and the scale bench. Resolves once it logs that it is serving.
 *
 * @example
 *   const api = await startNode('api', { REDIS_URL, NEO4J_URI, MODEL_DIR });   // api.url: 'http://127.0.0.1:40111/graphql'
 *   const worker = await startNode('worker', env);  worker.logged(/record .* DONE/g)   // records it finished
 *   await worker.kill('SIGKILL');
 */
import { startPlatformProcess } from '../../e2e/helpers/platform-process.js';

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
  const ready = role === 'worker' ? /worker: health on ([^\s"]+)/ : /graphql: listening on ([^\s"]+)/;
  const platform = await startPlatformProcess({ ROLE: role, ...env }, timeoutMs, { ready, name: role });
  return {
    role,
    pid: platform.pid,
    url: platform.url,
    wsUrl: platform.wsUrl,
    output: platform.output,
    logged: (pattern) => platform.output().match(pattern) ?? [],
    kill: (signal) => platform.kill(signal),
  };
}
