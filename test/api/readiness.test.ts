import { describe, expect, it } from 'vitest';
import { Readiness } from '../../src/api/server/readiness.js';

const up = async (): Promise<void> => {};
const down = async (): Promise<void> => {
  throw new Error('connection refused');
};

describe('Readiness (/readyz)', () => {
  it('is ready when Neo4j and the model answer, and reports no Redis check where none is used', async () => {
    expect(await new Readiness({ neo4j: up, model: up }, { cacheMs: 0 }).report()).toEqual({
      ready: true,
      checks: { neo4j: 'up', model: 'up' },
    });
  });

  it('is not ready while the Redis an API process enqueues through is away', async () => {
    const report = await new Readiness({ neo4j: up, model: up, redis: down }, { cacheMs: 0 }).report();
    expect(report).toEqual({ ready: false, checks: { neo4j: 'up', model: 'up', redis: 'down' } });
    expect((await new Readiness({ neo4j: up, model: up, redis: up }, { cacheMs: 0 }).report()).ready).toBe(true);
  });

  it('treats a probe that never answers as down after the timeout, and is not ready while stopping', async () => {
    const hang = (): Promise<void> => new Promise(() => {});
    const readiness = new Readiness({ neo4j: hang, model: up }, { cacheMs: 0, timeoutMs: 50 });
    expect(await readiness.report()).toEqual({ ready: false, checks: { neo4j: 'down', model: 'up' } });
    const stopping = new Readiness({ neo4j: up, model: up }, { cacheMs: 0 });
    stopping.markStopping();
    expect(await stopping.report()).toMatchObject({ ready: false, stopping: true });
  });
});
