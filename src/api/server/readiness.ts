/**
 * `GET /readyz`: whether this instance can do its work now. Neo4j must answer and the NER model must run; while
 * shutting down it is not ready. `GET /healthz` stays a liveness probe (the process answers HTTP).
 * Checks are cached for `cacheMs` so a busy probe cannot load Neo4j or the model.
 *
 * @example
 *   const readiness = new Readiness({ neo4j: () => driver.ping(), model: () => ner.extract('复查').then(() => undefined) });
 *   await readiness.report()   // { ready: true, checks: { neo4j: 'up', model: 'up' } }
 */
export type CheckName = 'neo4j' | 'model' | 'redis';
export type CheckState = 'up' | 'down';

export interface ReadinessReport {
  ready: boolean;
  /** Set when shutting down. */
  stopping?: true;
  checks: Partial<Record<CheckName, CheckState>>;
}

/** Neo4j and the model always; Redis only where this process queues through it (REDIS_URL). */
export type Probes = Record<'neo4j' | 'model', () => Promise<void>> & { redis?: () => Promise<void> };

export class Readiness {
  private cached: { at: number; report: Promise<ReadinessReport> } | null = null;
  private stopping = false;

  constructor(
    private readonly probes: Probes,
    private readonly options: { timeoutMs?: number; cacheMs?: number } = {},
  ) {}

  markStopping(): void {
    this.stopping = true;
  }

  report(): Promise<ReadinessReport> {
    const now = Date.now();
    if (this.cached === null || now - this.cached.at > (this.options.cacheMs ?? 1000)) {
      this.cached = { at: now, report: this.check() };
    }
    return this.cached.report.then((r) => (this.stopping ? { ...r, ready: false, stopping: true } : r));
  }

  private async check(): Promise<ReadinessReport> {
    const timeoutMs = this.options.timeoutMs ?? 3000;
    const redisProbe = this.probes.redis;
    const [neo4j, model, redis] = await Promise.all([
      run(this.probes.neo4j, timeoutMs),
      run(this.probes.model, timeoutMs),
      redisProbe ? run(redisProbe, timeoutMs) : Promise.resolve(undefined),
    ]);
    const checks: ReadinessReport['checks'] = { neo4j, model, ...(redis ? { redis } : {}) };
    return { ready: Object.values(checks).every((state) => state === 'up'), checks };
  }
}

async function run(probe: () => Promise<void>, timeoutMs: number): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
