/** `serve --role` and the settings of a multi-process deployment: misuse is refused before anything starts. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigInvalidError } from '../../src/errors/index.js';
import { run as serve } from '../../src/cli/serve.command.js';
import { main } from '../../src/main.js';

describe('roles and Redis settings', () => {
  it('defaults to one process without Redis', () => {
    expect(loadConfig({}).scale).toEqual({ role: 'all', redisUrl: null, queuePrefix: 'oncotimeline', lockMs: 30_000, attempts: 5, metricsPort: null });
  });

  it('reads ROLE, REDIS_URL, QUEUE_PREFIX, QUEUE_LOCK_MS, QUEUE_ATTEMPTS', () => {
    const config = loadConfig({ ROLE: 'worker', REDIS_URL: 'redis://cache:6379/2', QUEUE_PREFIX: 'ward-3', QUEUE_LOCK_MS: '5000', QUEUE_ATTEMPTS: '8', METRICS_PORT: '9100' });
    expect(config.scale).toEqual({ role: 'worker', redisUrl: 'redis://cache:6379/2', queuePrefix: 'ward-3', lockMs: 5000, attempts: 8, metricsPort: 9100 });
  });

  it('refuses api and worker roles without REDIS_URL, and bad values, all at once', () => {
    const attempt = (env: Record<string, string>): string[] => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigInvalidError);
        return [...(error as ConfigInvalidError).problems];
      }
    };
    expect(attempt({ ROLE: 'api' })).toEqual([
      'ROLE=api: requires REDIS_URL (redis://host:6379): API and worker processes share jobs and events through Redis',
    ]);
    expect(attempt({ ROLE: 'worker' })[0]).toMatch(/^ROLE=worker: requires REDIS_URL/);
    expect(attempt({ ROLE: 'gpu', REDIS_URL: 'http://x', QUEUE_PREFIX: 'a:b', QUEUE_LOCK_MS: '10' })).toEqual([
      'QUEUE_LOCK_MS: expected an integer 1000..3600000, got \'10\'',
      "ROLE: expected all, api or worker, got 'gpu'",
      'REDIS_URL: expected redis://[user:password@]host:port[/db] or rediss://…',
      "QUEUE_PREFIX: expected 1-64 letters, digits, '_', '.', '-', got 'a:b'",
    ]);
  });

  it('serve --role api without REDIS_URL exits 78 naming it; an unknown --role exits 2', async () => {
    const lines: string[] = [];
    expect(await main({ ROLE: 'api' }, (m) => lines.push(m))).toBe(78);
    expect(lines.join('\n')).toContain('ROLE=api: requires REDIS_URL');
    expect(await serve(['--role', 'gpu'])).toBe(2);
  });
});
