import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigInvalidError } from '../../src/errors/index.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      dataDir: '/srv/app/.data',
      neo4j: { uri: null, user: null, password: null, boltPort: 7687, timeoutMs: 5000 },
      ner: { modelDir: '/srv/app/models/ccks-union-hybrid', poolSize: 1, intraOpThreads: 1 },
      limits: { maxRecordChars: 20000, maxRecordsPerCall: 500, maxCharsPerCall: 500_000 },
      query: { maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxCost: 5000, maxTokens: 2000, maxResultItems: 20_000 },
      jobConcurrency: 2,
      groupCommit: { maxRecords: 32, lingerMs: 0 },
      shutdownGraceMs: 5000,
      access: { keys: [], allowedOrigins: null, maxSubscriptionsPerConnection: 100 },
      scale: { role: 'all', redisUrl: null, queuePrefix: 'oncotimeline', lockMs: 30_000, attempts: 5, metricsPort: null },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/onco', NEO4J_URI: 'bolt://neo4j:7687', NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: 'secret', NEO4J_BOLT_PORT: '7688', MODEL_DIR: 'test/fixtures/tiny-model', NER_POOL_SIZE: '2',
        NER_INTRA_OP_THREADS: '3', MAX_RECORD_CHARS: '100', MAX_RECORDS_PER_CALL: '5', JOB_CONCURRENCY: '4',
        MAX_CHARS_PER_CALL: '300', MAX_QUERY_DEPTH: '7', MAX_QUERY_ALIASES: '3', MAX_QUERY_DIRECTIVES: '2',
        MAX_QUERY_COST: '900', MAX_QUERY_TOKENS: '500', MAX_RESULT_ITEMS: '50', NEO4J_TIMEOUT_MS: '1500', SHUTDOWN_GRACE_MS: '0',
        API_KEYS: `ops:admin:${'a'.repeat(64)}`, // required on a non-loopback HOST (test/auth/access-config.test.ts)
      },
      '/srv/app',
    );
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe('/var/onco');
    expect(config.neo4j).toEqual({ uri: 'bolt://neo4j:7687', user: 'neo4j', password: 'secret', boltPort: 7688, timeoutMs: 1500 });
    expect(config.ner).toEqual({ modelDir: '/srv/app/test/fixtures/tiny-model', poolSize: 2, intraOpThreads: 3 });
    expect(config.limits).toEqual({ maxRecordChars: 100, maxRecordsPerCall: 5, maxCharsPerCall: 300 });
    expect(config.query).toEqual({ maxDepth: 7, maxAliases: 3, maxDirectives: 2, maxCost: 900, maxTokens: 500, maxResultItems: 50 });
    expect(config.jobConcurrency).toBe(4);
    expect(config.shutdownGraceMs).toBe(0);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '  ', NEO4J_URI: '' }).port).toBe(4000);
  });

  it('fails fast, listing every bad variable with expected and got', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', JOB_CONCURRENCY: '0', MAX_RECORD_CHARS: '1.5', NEO4J_URI: 'http://x', NEO4J_USER: 'u' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigInvalidError);
    const problems = (error as ConfigInvalidError).problems;
    expect(problems).toContain("PORT: expected an integer 0..65535, got 'eighty'");
    expect(problems).toContain("JOB_CONCURRENCY: expected an integer 1..256, got '0'");
    expect(problems).toContain("MAX_RECORD_CHARS: expected an integer 1..1000000, got '1.5'");
    expect(problems.some((p) => p.startsWith('NEO4J_URI: expected bolt://'))).toBe(true);
    expect(problems).toContain('NEO4J_USER and NEO4J_PASSWORD: expected both or neither');
    expect((error as ConfigInvalidError).code).toBe('CONFIG_INVALID');
  });
});
