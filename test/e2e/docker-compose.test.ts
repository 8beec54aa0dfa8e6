import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
    services: Record<string, Service>;
  };

  it('runs the official Neo4j 5.26 image without auth, with a health check', () => {
    const neo4j = compose.services.neo4j!;
    expect(neo4j.image).toBe('neo4j:5.26');
    expect(neo4j.environment?.NEO4J_AUTH).toBe('none');
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(neo4j.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('points the platform at that Neo4j and publishes the GraphQL port', () => {
    const platform = compose.services.platform!;
    expect(platform.image).toMatch(/^node:20/);
    expect(platform.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(platform.environment?.HOST).toBe('0.0.0.0');
    expect(platform.environment?.ONNXRUNTIME_NODE_INSTALL).toBe('skip');
    expect(platform.ports).toContain(`127.0.0.1:${platform.environment?.PORT}:4000`);
    expect(platform.depends_on?.neo4j?.condition).toBe('service_healthy');
  });
});
