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
 * | `MAX_CHARS_PER_CALL` | `500000` | most characters (code points) of all texts of one `submitRecords` call |
 * | `MAX_QUERY_DEPTH` / `MAX_QUERY_ALIASES` / `MAX_QUERY_DIRECTIVES` | `10` / `15` / `10` | GraphQL document limits |
 * | `MAX_QUERY_COST` / `MAX_QUERY_TOKENS` | `5000` / `2000` | GraphQL document limits (GraphQL Armor cost, lexer tokens) |
 * | `MAX_RESULT_ITEMS` | `20000` | most list items (records, events, entities, timexes) one operation returns |
 * | `NEO4J_TIMEOUT_MS` | `5000` | how long a query waits for an unavailable Neo4j before `SERVICE_UNAVAILABLE` |
 * | `SHUTDOWN_GRACE_MS` | `5000` | how long shutdown waits for records in flight (then they stay queued) |
 *
 * @example
 *   loadConfig({ PORT: '8080' }).port          // 8080
 *   loadConfig({ PORT: 'eighty' })             // throws ConfigInvalidError: "PORT: expected an integer 0..65535, got 'eighty'"
 */
import path from 'node:path';
import { ConfigInvalidError } from '../errors/config-invalid.error.js';

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

/** Limits on one GraphQL operation, checked before it runs (src/api/query-limits.ts) or while it runs (result items). */
export interface QueryLimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  readonly maxTokens: number;
  readonly maxResultItems: number;
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
  /** On SIGINT/SIGTERM, how long records in flight may finish before they are left queued for the next start. */
  readonly shutdownGraceMs: number;
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
  if (uri === null && user !== null) problems.push('NEO4J_USER: only used with NEO4J_URI (the embedded Neo4j runs without auth)');

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
    shutdownGraceMs,
  });
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
