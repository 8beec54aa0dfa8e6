/**
 * Whether Neo4j answers, as seen by this process. A call that fails with a connectivity error marks it down; from
 * then on every call fails at once (SERVICE_UNAVAILABLE, no minute-long waits) while a background probe asks Neo4j
 * every `probeMs`; the first answer marks it up again and wakes everything waiting in `whenUp()` (paused jobs).
 *
 * @example
 *   const availability = new Availability(() => driver.verifyConnectivity(), { probeMs: 500 });
 *   availability.markDown();          // a query failed: ServiceUnavailable
 *   await availability.whenUp();      // resolves once Neo4j answers again
 */
import type { Log } from '../log/index.js';

export interface AvailabilityOptions {
  probeMs?: number;
  log?: Log;
}

export class Availability {
  private downSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private waiters: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly options: AvailabilityOptions = {},
  ) {}

  get isUp(): boolean {
    return this.downSince === null;
  }

  markDown(): void {
    if (this.downSince !== null || this.stopped) return;
    this.downSince = Date.now();
    this.options.log?.('neo4j: unavailable; calls fail fast with SERVICE_UNAVAILABLE and jobs pause until it answers');
    this.schedule();
  }

  markUp(): void {
    if (this.downSince === null) return;
    const ms = Date.now() - this.downSince;
    this.downSince = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.options.log?.(`neo4j: available again after ${ms} ms; jobs resume`);
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves when Neo4j answers (at once if it does), or when `stop()` is called. */
  whenUp(): Promise<void> {
    if (this.isUp || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops probing and releases every waiter (driver closed). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.probe().then(
        () => this.markUp(),
        () => this.schedule(),
      );
    }, this.options.probeMs ?? 500);
    this.timer.unref();
  }
}

/** Errors that mean "Neo4j did not answer", as opposed to a bad statement or a constraint violation. */
export function isConnectivityError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return true;
  if (typeof code === 'string' && /DatabaseUnavailable|DatabaseNotFound.*starting/.test(code)) return true;
  return error.message.startsWith('Connection acquisition timed out');
}
