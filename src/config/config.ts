/**
 * The platform's configuration: parsed once from the environment, validated, frozen.
 * Everything else receives a `Config` (or a slice of it) as an argument and never reads `process.env`.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `PORT` | `4000` | HTTP + WebSocket port of `/graphql` (0 = any free port) |
 * | `HOST` | `127.0.0.1` | interface to bind (`0.0.0.0` in a container) |
 * | `DATA_DIR` | `.data` | platform state; the embedded Neo4j keeps its database in `<DATA_DIR>/neo4j` |
 * | `NEO4J_URI` | unset | external Neo4j (`bolt://host:7687`); unset → start the embedded Neo4j |
 * | `NEO4J_USER` / `NEO4J_PASSWORD` | unset | credentials for `NEO4J_URI` (both or neither) |
 * | `NEO4J_BOLT_PORT` | `7687` | Bolt port of the embedded Neo4j |
 * | `MODEL_DIR` | `models/ccks-union-hybrid` | NER model folder |
 * | `NER_POOL_SIZE` | `1` | inference worker threads |
 * | `NER_INTRA_OP_THREADS` | `1` | onnxruntime threads per worker |
 * | `MAX_RECORD_CHARS` | `20000` | longest accepted record text (code points) |
 * | `MAX_RECORDS_PER_CALL` | `500` | most records per `submitRecords` call |
 * | `JOB_CONCURRENCY` | `2` | records processed at once |
 * | `GRAPH_COMMIT_MAX_RECORDS` / `GRAPH_COMMIT_LINGER_MS` | `32` / `0` | finished records written per transaction, and how long the first waits for more |
 * | `MAX_CHARS_PER_CALL` | `500000` | most characters (code points) of all texts of one `submitRecords` call |
 * | `MAX_QUERY_DEPTH` / `MAX_QUERY_ALIASES` / `MAX_QUERY_DIRECTIVES` | `10` / `15` / `10` | GraphQL document limits |
 * | `MAX_QUERY_COST` / `MAX_QUERY_TOKENS` | `5000` / `2000` | GraphQL document limits (GraphQL Armor cost, lexer tokens) |
 * | `MAX_RESULT_ITEMS` | `20000` | most list items (records, events, entities, timexes) one operation returns |
 * | `NEO4J_TIMEOUT_MS` | `5000` | how long a query waits for an unavailable Neo4j before `SERVICE_UNAVAILABLE` |
 * | `SHUTDOWN_GRACE_MS` | `5000` | how long shutdown waits for records in flight (then they stay queued) |
 * | `API_KEYS` | unset | `name:role:sha256hex,…` (roles clinician, researcher, admin; src/auth); required unless HOST is loopback |
 * | `API_KEYS_FILE` | unset | the same, one entry per line (`#` comments); both may be set |
 * | `ALLOWED_ORIGINS` | own origins | comma-separated origins a browser WebSocket may come from (src/auth/origin-check.ts) |
 * | `MAX_SUBSCRIPTIONS_PER_CONNECTION` | `100` | operations one WebSocket connection may run at once |
 * | `ROLE` | `all` | `all` (one process), `api` (GraphQL, enqueues) or `worker` (runs records); api/worker need `REDIS_URL` |
 * | `REDIS_URL` | unset | Redis for the job queue (BullMQ) and events (pub/sub) across processes; unset: in-process |
 * | `METRICS_PORT` | unset | Prometheus `/metrics` of an API process on this port (a worker serves it on PORT) |
 * | `QUEUE_PREFIX` / `QUEUE_LOCK_MS` / `QUEUE_ATTEMPTS` | `oncotimeline` / `30000` / `5` | Redis key prefix; worker and patient lock time-out (a killed worker's record is taken over after it); tries before a record is dead-lettered |
 *
 * @example
 *   loadConfig({ PORT: '8080' }).port          // 8080
 *   loadConfig({ PORT: 'eighty' })             // throws ConfigInvalidError: "PORT: expected an integer 0..65535, got 'eighty'"
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseApiKeys, type ApiKeyEntry, isLoopbackHost } from '../auth/index.js';
import { ConfigInvalidError } from '../errors/index.js';

export interface Neo4jConfig {
  /** `null`: start the embedded Neo4j on `boltPort` with its store under `DATA_DIR/neo4j`. */
  readonly uri: string | null;
  readonly user: string | null;
  readonly password: string | null;
  readonly boltPort: number;
  /** Connection acquisition and transaction retry budget: a down Neo4j fails a call within about this long. */
  readonly timeoutMs: number;
}

export interface NerConfig {
  readonly modelDir: string;
  readonly poolSize: number;
  readonly intraOpThreads: number;
}

export interface LimitsConfig {
  readonly maxRecordChars: number;
  readonly maxRecordsPerCall: number;
  /** All texts of one `submitRecords` call together, in code points. */
  readonly maxCharsPerCall: number;
}

/** Limits on one GraphQL operation, checked before it runs (src/api/server/query-limits.ts) or while it runs (result items). */
export interface QueryLimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  readonly maxTokens: number;
  readonly maxResultItems: number;
}

/** Who may call the API, and from where (src/auth). */
export interface AccessConfig {
  /** Empty: no authentication, every caller is admin (only allowed on a loopback HOST). */
  readonly keys: readonly ApiKeyEntry[];
  /** `null`: the server's own origins (127.0.0.1, localhost, [::1] and HOST, at PORT). */
  readonly allowedOrigins: readonly string[] | null;
  readonly maxSubscriptionsPerConnection: number;
}

/** Processes and the queue between them (src/queue). */
export interface ScaleConfig {
  readonly role: 'all' | 'api' | 'worker';
  /** `null`: everything in one process with the in-process queue (no Redis). */
  readonly redisUrl: string | null;
  readonly queuePrefix: string;
  readonly lockMs: number;
  readonly attempts: number;
  /** `/metrics` (and /healthz, /readyz) of an API or all-in-one process on this port; null: none (workers use PORT). */
  readonly metricsPort: number | null;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly neo4j: Neo4jConfig;
  readonly ner: NerConfig;
  readonly limits: LimitsConfig;
  readonly query: QueryLimitsConfig;
  readonly jobConcurrency: number;
  /** Group commit of finished records (src/jobs/group-commit.ts). */
  readonly groupCommit: { readonly maxRecords: number; readonly lingerMs: number };
  /** On SIGINT/SIGTERM, how long records in flight may finish before they are left queued for the next start. */
  readonly shutdownGraceMs: number;
  readonly access: AccessConfig;
  readonly scale: ScaleConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads every variable, collects every problem, then throws one `ConfigInvalidError` or returns a frozen `Config`. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(env, name);
    if (raw === undefined) return fallback;
    const n = /^[+]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name}: expected an integer ${min}..${max}, got '${raw}'`);
      return fallback;
    }
    return n;
  };

  const port = int('PORT', 4000, 0, 65535);
  const boltPort = int('NEO4J_BOLT_PORT', 7687, 1, 65535);
  const poolSize = int('NER_POOL_SIZE', 1, 1, 64);
  const intraOpThreads = int('NER_INTRA_OP_THREADS', 1, 1, 64);
  const maxRecordChars = int('MAX_RECORD_CHARS', 20000, 1, 1_000_000);
  const maxRecordsPerCall = int('MAX_RECORDS_PER_CALL', 500, 1, 100_000);
  const jobConcurrency = int('JOB_CONCURRENCY', 2, 1, 256);
  const groupCommit = { maxRecords: int('GRAPH_COMMIT_MAX_RECORDS', 32, 1, 1000), lingerMs: int('GRAPH_COMMIT_LINGER_MS', 0, 0, 10_000) };
  const maxCharsPerCall = int('MAX_CHARS_PER_CALL', 500_000, 1, 100_000_000);
  const query: QueryLimitsConfig = {
    maxDepth: int('MAX_QUERY_DEPTH', 10, 2, 100),
    maxAliases: int('MAX_QUERY_ALIASES', 15, 0, 10_000),
    maxDirectives: int('MAX_QUERY_DIRECTIVES', 10, 0, 10_000),
    maxCost: int('MAX_QUERY_COST', 5000, 10, 100_000_000),
    maxTokens: int('MAX_QUERY_TOKENS', 2000, 100, 1_000_000),
    maxResultItems: int('MAX_RESULT_ITEMS', 20_000, 1, 10_000_000),
  };
  const timeoutMs = int('NEO4J_TIMEOUT_MS', 5000, 100, 600_000);
  const shutdownGraceMs = int('SHUTDOWN_GRACE_MS', 5000, 0, 600_000);

  const host = value(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]+$/.test(host)) problems.push(`HOST: expected a host name or address, got '${host}'`);

  const uri = value(env, 'NEO4J_URI') ?? null;
  if (uri !== null && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    problems.push(`NEO4J_URI: expected bolt://host:port or neo4j://host:port, got '${uri}'`);
  }
  const user = value(env, 'NEO4J_USER') ?? null;
  const password = value(env, 'NEO4J_PASSWORD') ?? null;
  if ((user === null) !== (password === null)) problems.push('NEO4J_USER and NEO4J_PASSWORD: expected both or neither');
  if (uri === null && user !== null) problems.push('NEO4J_USER: only used with NEO4J_URI (the embedded Neo4j uses the password generated into DATA_DIR/neo4j/password)');

  const access = loadAccess(env, cwd, host, problems, int('MAX_SUBSCRIPTIONS_PER_CONNECTION', 100, 1, 100_000));

  const metricsPort = value(env, 'METRICS_PORT') === undefined ? null : int('METRICS_PORT', 0, 0, 65535);
  const scale = loadScale(env, problems, int('QUEUE_LOCK_MS', 30_000, 1000, 3_600_000), int('QUEUE_ATTEMPTS', 5, 1, 100), metricsPort);

  if (problems.length > 0) throw new ConfigInvalidError(problems);

  return deepFreeze({
    port,
    host,
    dataDir: path.resolve(cwd, value(env, 'DATA_DIR') ?? '.data'),
    neo4j: { uri, user, password, boltPort, timeoutMs },
    ner: { modelDir: path.resolve(cwd, value(env, 'MODEL_DIR') ?? 'models/ccks-union-hybrid'), poolSize, intraOpThreads },
    limits: { maxRecordChars, maxRecordsPerCall, maxCharsPerCall },
    query,
    jobConcurrency,
    groupCommit,
    shutdownGraceMs,
    access,
    scale,
  });
}

/** API keys from `API_KEYS` and `API_KEYS_FILE`, required on a non-loopback HOST; the WebSocket origin allow-list. */
function loadAccess(env: Env, cwd: string, host: string, problems: string[], maxSubscriptionsPerConnection: number): AccessConfig {
  const keys: ApiKeyEntry[] = [];
  const add = (text: string, source: string): void => {
    const parsed = parseApiKeys(text, source);
    problems.push(...parsed.problems);
    for (const key of parsed.keys) {
      if (keys.some((k) => k.name === key.name)) problems.push(`${source}: key name '${key.name}' is already used`);
      else keys.push(key);
    }
  };
  const inline = value(env, 'API_KEYS');
  if (inline !== undefined) add(inline, 'API_KEYS');
  const file = value(env, 'API_KEYS_FILE');
  if (file !== undefined) {
    try {
      add(readFileSync(path.resolve(cwd, file), 'utf8'), 'API_KEYS_FILE');
    } catch (error) {
      problems.push(`API_KEYS_FILE: cannot read '${file}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (keys.length === 0 && (inline !== undefined || file !== undefined)) {
    problems.push('API_KEYS / API_KEYS_FILE: set but no valid key entry (name:role:sha256hex)'); // never fall back to open
  } else if (keys.length === 0 && !isLoopbackHost(host)) {
    problems.push(`API_KEYS or API_KEYS_FILE: required when HOST is not a loopback address (got '${host}'): ` +
      'without keys anyone who reaches the port reads every record');
  }
  let allowedOrigins: string[] | null = null;
  const origins = value(env, 'ALLOWED_ORIGINS');
  if (origins !== undefined) {
    allowedOrigins = origins.split(',').map((o) => o.trim()).filter((o) => o !== '');
    for (const origin of allowedOrigins) {
      if (!/^https?:\/\/[^\s/]+$/.test(origin)) problems.push(`ALLOWED_ORIGINS: expected origins like http://host:port, got '${origin}'`);
    }
  }
  return { keys, allowedOrigins, maxSubscriptionsPerConnection };
}

/** ROLE, REDIS_URL, QUEUE_PREFIX: a role other than `all` needs Redis (there is no other way between processes). */
function loadScale(env: Env, problems: string[], lockMs: number, attempts: number, metricsPort: number | null): ScaleConfig {
  const role = value(env, 'ROLE') ?? 'all';
  const redisUrl = value(env, 'REDIS_URL') ?? null;
  const queuePrefix = value(env, 'QUEUE_PREFIX') ?? 'oncotimeline';
  if (role !== 'all' && role !== 'api' && role !== 'worker') problems.push(`ROLE: expected all, api or worker, got '${role}'`);
  else if (role !== 'all' && redisUrl === null) {
    problems.push(`ROLE=${role}: requires REDIS_URL (redis://host:6379): API and worker processes share jobs and events through Redis`);
  }
  if (redisUrl !== null && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) problems.push('REDIS_URL: expected redis://[user:password@]host:port[/db] or rediss://…');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(queuePrefix)) problems.push(`QUEUE_PREFIX: expected 1-64 letters, digits, '_', '.', '-', got '${queuePrefix}'`);
  return { role: role as ScaleConfig['role'], redisUrl, queuePrefix, lockMs, attempts, metricsPort };
}

/** An unset or blank variable counts as unset. */
function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function deepFreeze<T extends object>(object: T): T {
  for (const child of Object.values(object)) {
    if (child !== null && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(object);
}
