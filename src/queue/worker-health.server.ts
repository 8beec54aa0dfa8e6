/**
 * The HTTP side of a worker process (`serve --role worker`), which serves no GraphQL: `GET /healthz` (alive),
 * `GET /readyz` (Neo4j and Redis answer; 503 while stopping) and `GET /metrics` when a registry is given, for
 * container healthchecks, Kubernetes probes and Prometheus. An API process serves the same on METRICS_PORT.
 *
 * @example
 *   const health = await startWorkerHealthServer({ host: '127.0.0.1', port: 0, checks: { neo4j: () => driver.ping() } });
 *   await fetch(`${health.url}/readyz`)   // 200 {"status":"ready","checks":{"neo4j":"ok"}}
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WorkerHealthOptions {
  /** Said by `/healthz`. Default `worker`. */
  role?: string;
  host: string;
  port: number;
  checks: Readonly<Record<string, () => Promise<void>>>;
  /** Prometheus text for `/metrics`; absent: 404. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
}

export interface WorkerHealthServer {
  /** `http://host:port` */
  readonly url: string;
  markStopping(): void;
  close(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

export async function startWorkerHealthServer(options: WorkerHealthOptions): Promise<WorkerHealthServer> {
  let stopping = false;
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { error: 'method not allowed' });
    if (req.url === '/healthz') return send(200, { status: 'ok', role: options.role ?? 'worker' });
    if (req.url === '/readyz') {
      void readiness(options.checks, stopping).then((report) => send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'unavailable', ...report }));
      return;
    }
    if (req.url === '/metrics' && options.metrics) {
      void options.metrics().then(
        (m) => res.writeHead(200, { 'content-type': m.contentType }).end(m.body),
        () => send(500, { error: 'metrics unavailable' }),
      );
      return;
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    markStopping: () => void (stopping = true),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function readiness(checks: WorkerHealthOptions['checks'], stopping: boolean): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results: Record<string, string> = {};
  await Promise.all(Object.entries(checks).map(async ([name, check]) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)))]);
      results[name] = 'ok';
    } catch {
      results[name] = 'unavailable';
    } finally {
      clearTimeout(timer);
    }
  }));
  if (stopping) results['process'] = 'stopping';
  return { ready: !stopping && Object.values(results).every((r) => r === 'ok'), checks: results };
}
