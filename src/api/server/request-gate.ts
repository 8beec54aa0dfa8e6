/**
 * Admission of HTTP requests and WebSocket operations, for an ordered shutdown: `close()` makes every new request
 * answer 503 SERVICE_UNAVAILABLE (and new WebSocket upgrades fail) while requests already running finish; `drained`
 * waits for them, at most `graceMs`, then ends the connections still busy.
 *
 * @example
 *   const gate = new RequestGate();
 *   app.use(gate.middleware());
 *   gate.close();  await gate.drained(2000);   // no request in flight any more
 */
import type { RequestHandler } from 'express';
import type { Socket } from 'node:net';
import { sendError } from './http-errors.js';

export class RequestGate {
  private open = true;
  private readonly inFlight = new Map<object, Socket | null>();
  private waiters: Array<() => void> = [];

  get accepting(): boolean {
    return this.open;
  }

  /** Counts requests; once closed, answers new ones with 503 and `Connection: close`. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if (!this.open) {
        res.setHeader('Connection', 'close');
        sendError(res, 503, 'SERVICE_UNAVAILABLE', 'the platform is shutting down; try again shortly');
        return;
      }
      const key = {};
      this.inFlight.set(key, req.socket);
      const done = (): void => {
        if (!this.inFlight.delete(key)) return;
        if (this.inFlight.size === 0) for (const resolve of this.waiters.splice(0)) resolve();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    };
  }

  close(): void {
    this.open = false;
  }

  /** Resolves when no request is in flight; after `graceMs`, destroys the sockets of those still running. */
  async drained(graceMs: number): Promise<number> {
    if (this.inFlight.size === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<void>((resolve) => this.waiters.push(resolve));
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([idle, timeout]);
    clearTimeout(timer);
    const cut = this.inFlight.size;
    for (const socket of this.inFlight.values()) socket?.destroy();
    return cut;
  }
}
