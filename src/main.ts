#!/usr/bin/env node
/**
 * Composition root: config → Neo4j (embedded when NEO4J_URI is unset) → NER engine → JobService → GraphQL server.
 * `node dist/main.js` (npm start) runs it until SIGINT/SIGTERM, then shuts down in this order, logging each step
 * (ids and counts only):
 *   1. the server stops accepting work (new requests, upgrades and operations get SERVICE_UNAVAILABLE);
 *   2. jobs stop: records in flight finish within SHUTDOWN_GRACE_MS, else they stay QUEUED (never FAILED);
 *   3. subscriptions complete and every WebSocket closes with 1001 Going Away;
 *   4. the NER engine closes;  5. the Neo4j driver closes and the embedded Neo4j stops.
 * The embedded Neo4j runs in its own process group, so Ctrl-C reaches this process, not Neo4j, and step 5 stops it.
 * An interrupted record stays queued in Neo4j and is redone, exactly once, by the next start.
 */
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { createPreviewService, Readiness, buildApiSchema, bridgeJobEvents, createApiPubSub } from './api/index.js';
import { loadConfig, type Config } from './config/index.js';
import { isOncoError } from './errors/index.js';
import { stderrLog, type Log } from './log/index.js';
import { CohortRunner } from './cohort/index.js';
import { openGraph, ReadRepository } from './graph/index.js';
import { createNerEngine } from './ner/index.js';
import { describePipeline, openRecordPipeline } from './pipeline/index.js';
import { openJobQueue, QueueMetrics, RedisJobQueue, startWorkerHealthServer, type JobQueue } from './queue/index.js';
import { startServer } from './server.js';

export interface Platform {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts every part; if one fails, stops the ones already started and rethrows. */
export async function startPlatform(config: Config, log: Log = stderrLog): Promise<Platform> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        log(`shutdown: ${error instanceof Error ? error.name : 'error'}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  try {
    const graph = await openGraph({ ...config.neo4j, dataDir: config.dataDir, log });
    stops.push(async () => {
      await graph.close();
      log(`shutdown 5/5: neo4j driver closed${graph.embedded ? ', embedded Neo4j stopped' : ''}`);
    });
    log(`neo4j: ${graph.embedded ? 'embedded' : 'external'} at ${graph.uri}`);

    const ner = await createNerEngine({
      modelDir: config.ner.modelDir,
      poolSize: config.ner.poolSize,
      intraOpThreads: config.ner.intraOpThreads,
      log,
    });
    stops.push(async () => {
      await ner.close();
      log('shutdown 4/5: NER engine closed');
    });
    // One pipeline for jobs and previews (src/pipeline): ner → rules → assertion → normalise → time.
    const metrics = new QueueMetrics(); // /metrics: a worker's PORT, else METRICS_PORT when set
    const pipeline = metrics.timePipeline(await openRecordPipeline(metrics.timeNer(ner)));
    log(`ner: model ${ner.model.name} ${ner.model.version} (${ner.model.precision}, ${ner.model.provider}); pipeline: ${describePipeline(pipeline)}`);

    // JobService (one process) unless REDIS_URL is set; then BullMQ + Redis events (src/queue, README "more than one process").
    const jobs = await openJobQueue(config, graph.driver, pipeline, log, metrics);
    if (jobs instanceof RedisJobQueue) metrics.observe({ queueTokens: () => jobs.tokenCounts() });
    if (config.scale.role === 'worker') return await startWorkerRole(config, jobs, graph.driver, metrics, stops, stopAll, log);
    const pubsub = createApiPubSub();
    bridgeJobEvents(jobs, pubsub);
    const server = await startServer({
      schema: await buildApiSchema(pubsub),
      services: { jobs, reads: new ReadRepository(graph.driver), preview: createPreviewService(pipeline), cohort: new CohortRunner(graph.driver), limits: config.limits },
      pubsub,
      host: config.host,
      port: config.port,
      query: config.query,
      access: config.access,
      readiness: new Readiness({
        neo4j: () => graph.driver.ping(),
        model: async () => void (await ner.extract('复查')),
        // An API process that enqueues through Redis cannot accept jobs while Redis is away.
        ...(jobs instanceof RedisJobQueue ? { redis: () => jobs.ping() } : {}),
      }),
      log,
    });
    stops.push(async () => {
      const { cutRequests } = await server.stopAccepting();
      log(`shutdown 1/5: stopped accepting work${cutRequests > 0 ? ` (${cutRequests} slow requests cut)` : ''}`);
      const { finished, abandoned } = await jobs.stop({ graceMs: config.shutdownGraceMs });
      log(`shutdown 2/5: jobs stopped: ${finished} records in flight finished, ${abandoned} left queued for the next start`);
      const { subscriptions, connections } = await server.closeSubscriptions();
      log(`shutdown 3/5: ${subscriptions} subscriptions completed, ${connections} WebSocket connections closed (1001 Going Away)`);
      await server.close();
    });
    metrics.observe({ subscriptions: () => pubsub.subscriberCount });
    if (config.scale.metricsPort !== null) await startMetricsPort(config, config.scale.metricsPort, jobs, graph.driver, metrics, stops, log);
    await jobs.start(); // resumes jobs a previous process left unfinished
    log(`graphql: listening on ${server.url}`);
    log(config.access.keys.length > 0
      ? `access: ${config.access.keys.length} API keys (${[...new Set(config.access.keys.map((k) => k.role))].join(', ')}); anonymous callers refused`
      : 'access: no API keys configured (loopback development): every caller is admin');

    let closing: Promise<void> | null = null;
    return { url: server.url, close: () => (closing ??= stopAll()) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `serve --role worker`: records only; HTTP only for /healthz and /readyz (Neo4j and Redis). */
async function startWorkerRole(
  config: Config, jobs: JobQueue, driver: { ping(): Promise<void> }, metrics: QueueMetrics,
  stops: Array<() => Promise<void>>, stopAll: () => Promise<void>, log: Log,
): Promise<Platform> {
  const redis = jobs instanceof RedisJobQueue ? jobs : null;
  const health = await startWorkerHealthServer({
    host: config.host, port: config.port, metrics: () => metrics.render(),
    checks: { neo4j: () => driver.ping(), ...(redis ? { redis: () => redis.ping() } : {}) },
  });
  stops.push(async () => {
    health.markStopping();
    const { finished, abandoned } = await jobs.stop({ graceMs: config.shutdownGraceMs });
    log(`shutdown 2/5: worker stopped: ${finished} records in flight finished, ${abandoned} left queued for another worker`);
    await health.close();
  });
  await jobs.start();
  log(`worker: health on ${health.url} (/healthz, /readyz)`);
  let closing: Promise<void> | null = null;
  return { url: health.url, close: () => (closing ??= stopAll()) };
}

/** METRICS_PORT of an API or all-in-one process: /metrics, /healthz, /readyz (Neo4j, and Redis when used). */
async function startMetricsPort(
  config: Config, port: number, jobs: JobQueue, driver: { ping(): Promise<void> }, metrics: QueueMetrics,
  stops: Array<() => Promise<void>>, log: Log,
): Promise<void> {
  const redis = jobs instanceof RedisJobQueue ? jobs : null;
  const server = await startWorkerHealthServer({
    role: config.scale.role, host: config.host, port, metrics: () => metrics.render(),
    checks: { neo4j: () => driver.ping(), ...(redis ? { redis: () => redis.ping() } : {}) },
  });
  stops.push(() => server.close());
  log(`metrics: ${server.url}/metrics`);
}

/** Runs the platform until SIGINT or SIGTERM; a second signal exits at once. Resolves with the exit code. */
export async function runUntilSignal(config: Config, log: Log = stderrLog): Promise<number> {
  const platform = await startPlatform(config, log);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        log(`${signal} again: exiting without a clean shutdown`);
        process.exit(130);
      }
      stopping = true;
      const started = Date.now();
      log(`${signal}: shutting down`);
      platform.close().then(
        () => {
          log(`shutdown complete in ${Date.now() - started} ms`);
          resolve(0);
        },
        () => resolve(1),
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Entry point: exit codes 0 (clean shutdown), 1 (failed), 78 (bad configuration). */
export async function main(env: NodeJS.ProcessEnv = process.env, log?: Log): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A bad environment at start-up is read by a person, not a log shipper: plain text, its line breaks kept.
    if (log) log(message);
    else process.stderr.write(`${message}\n`);
    return 78;
  }
  log ??= stderrLog;
  try {
    return await runUntilSignal(config, log);
  } catch (error) {
    const code = isOncoError(error) ? ` [${error.code}]` : '';
    log(`startup failed${code}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
