/**
 * ioredis clients for the queue, the per-patient locks and the event bus, all from one `REDIS_URL`.
 *
 * `maxRetriesPerRequest: null` is what BullMQ requires of a worker's connection (its blocking reads must wait out a
 * reconnect rather than fail); commands issued while Redis is away wait in ioredis' offline queue until it is back.
 * `connectRedis` waits for the first `ready` so a wrong URL fails the start-up clearly instead of hanging.
 *
 * @example
 *   const redis = await connectRedis('redis://127.0.0.1:6390', 10_000);   // throws QueueUnavailableError after 10 s
 *   redisHost('redis://:secret@cache:6379/2')                              // 'cache:6379' (never the password)
 */
import { Redis } from 'ioredis';
import { QueueUnavailableError } from './queue-unavailable.error.js';

/** `host:port` of a Redis URL, for logs and errors: never credentials. */
export function redisHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'an invalid REDIS_URL';
  }
}

/** A client that is `ready` (connected, and past Redis' loading phase), or `QueueUnavailableError` after `timeoutMs`. */
export async function connectRedis(url: string, timeoutMs: number, name = 'oncotimeline'): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: true });
  redis.on('error', () => undefined); // reconnects by itself; callers see failures as pending commands or timeouts
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return redis;
  } catch (err) {
    redis.disconnect();
    throw new QueueUnavailableError(redisHost(url), { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with `work`'s result, or rejects with `QueueUnavailableError` when Redis takes longer than `timeoutMs`. */
export async function withinRedisTimeout<T>(work: Promise<T>, timeoutMs: number, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new QueueUnavailableError(where)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
