/**
 * The platform as the reliability tests run it: built `dist/main.js` as a child process, with the small test model,
 * on its own embedded Neo4j (own DATA_DIR and Bolt port, so no other test's jobs are resumed by it) unless
 * `NEO4J_URI` is given, and raw HTTP helpers that never throw on odd answers.
 *
 * @example
 *   const p = await startReliabilityPlatform({ MAX_RECORDS_PER_CALL: '20' });
 *   await p.send('{"query":"{ __typename }"}')   // { status: 200, contentType: 'application/json…', text: '…' }
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { e2eModelDir } from '../../e2e/helpers/e2e-fixtures.js';
import { startPlatformProcess, type PlatformProcess } from '../../e2e/helpers/platform-process.js';
import { freePort } from '../../helpers/processes.js';

export interface ReliabilityPlatform extends PlatformProcess {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  send(body: string, contentType?: string): Promise<{ status: number; contentType: string | null; text: string }>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
}

/** Starts (or, with the same `dataDir` and env, restarts) the platform. */
export async function startReliabilityPlatform(
  extra: Record<string, string> = {},
  reuse?: { dataDir: string; env: Record<string, string> },
): Promise<ReliabilityPlatform> {
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'oncotimeline-reliability-'));
  const env = reuse?.env ?? {
    MODEL_DIR: e2eModelDir(),
    ...(extra['NEO4J_URI'] ? {} : { NEO4J_BOLT_PORT: String(await freePort()) }),
    JOB_CONCURRENCY: '2',
    SHUTDOWN_GRACE_MS: '3000',
    ...extra,
  };
  const platform = await startPlatformProcess(env, 360_000, { dataDir });
  const send = async (body: string, contentType = 'application/json') => {
    try {
      const res = await fetch(platform.url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
      return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
    } catch (error) {
      return { status: 0, contentType: null, text: `fetch failed: ${(error as Error).message}` };
    }
  };
  return {
    ...platform,
    url: platform.url,
    wsUrl: platform.wsUrl,
    pid: platform.pid,
    output: platform.output,
    kill: platform.kill,
    interruptGroup: platform.interruptGroup,
    exited: platform.exited,
    dataDir,
    env,
    send,
    async gql(query, variables) {
      const res = await send(JSON.stringify({ query, variables }));
      try {
        return JSON.parse(res.text);
      } catch {
        return { errors: [{ message: `HTTP ${res.status}: not JSON` }] };
      }
    },
  };
}

/** Polls `job(id)` until it is final (or `timeoutMs` passes); returns the last state. */
export async function waitForFinalJob(p: ReliabilityPlatform, jobId: string, timeoutMs = 300_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let job: any = null;
  while (Date.now() < deadline) {
    const res = await p.gql(`query ($id: ID!) { job(id: $id) { id status total done failed cancelled errors { recordId code } } }`, { id: jobId });
    job = res.data?.job ?? job;
    if (job && ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return job;
}
