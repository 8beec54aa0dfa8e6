/** docker-compose.yml runs the scaled shape: Neo4j, Redis, two API processes and two workers, all health-checked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  deploy?: { replicas?: number };
}

describe('docker-compose.yml, scaled shape', () => {
  const { services } = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as { services: Record<string, Service> };
  const apis = ['platform', 'api-2'].map((name) => services[name]!);
  const worker = services['worker']!;

  it('has Redis with a health check and no eviction (BullMQ keys must stay)', () => {
    expect(services['redis']?.image).toMatch(/^redis:7/);
    expect(services['redis']?.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services['redis']?.command).toContain('noeviction');
  });

  it('runs two API processes on their own host ports and two workers, every one on Neo4j and Redis, restarted and health-checked', () => {
    expect(apis.map((a) => a.command)).toEqual([0, 1].map(() => ['node', 'dist/cli/main.js', 'serve', '--role', 'api']));
    expect(apis.map((a) => a.ports)).toEqual([['127.0.0.1:4000:4000'], ['127.0.0.1:4001:4000']]);
    expect(worker.command).toEqual(['node', 'dist/cli/main.js', 'serve', '--role', 'worker']);
    expect(worker.deploy?.replicas).toBe(2);
    expect(worker.ports).toBeUndefined();
    for (const service of [...apis, worker]) {
      expect(service.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', REDIS_URL: 'redis://redis:6379', HOST: '0.0.0.0' });
      expect(service.depends_on).toMatchObject({ neo4j: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' },
        build: { condition: 'service_completed_successfully' } });
      expect(service.restart).toBe('unless-stopped');
      expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
    }
  });
});
