/**
 * One record at a time per patient across every worker process: a Redis lock per patient (`SET key token NX PX`),
 * renewed while held and released only by its holder (compare-and-delete in a Lua script).
 *
 * Why a lock and not BullMQ groups: groups are a BullMQ Pro feature. Why the lock is per patient and not per record:
 * a record's time anchors (术后 → the patient's latest surgery) read the patient's earlier records, so the records of
 * one patient must be written one after another in `recordedAt` order; the holder takes them from Neo4j in that order
 * (`next-patient-item.cypher`), so it does not matter which queue token brought it there. A holder that dies (SIGKILL)
 * stops renewing; the lock expires after `ttlMs` and another worker takes the patient over.
 *
 * @example
 *   const locks = new PatientLocks(redis, 'oncotimeline', 30_000);
 *   const held = await locks.tryAcquire('P001');   // null when another worker holds P001
 *   try { ... } finally { await held?.release(); }
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface HeldLock {
  /** False once a renewal found the lock gone (expired and taken): the holder must stop writing for the patient. */
  readonly held: boolean;
  release(): Promise<void>;
}

export class PatientLocks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {
    if (!Number.isInteger(ttlMs) || ttlMs < 1000) throw new TypeError(`ttlMs: expected an integer ≥ 1000, got ${String(ttlMs)}`);
  }

  async tryAcquire(patientId: string): Promise<HeldLock | null> {
    const key = `${this.prefix}:patient-lock:${patientId}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (ok !== 'OK') return null;
    let held = true;
    const timer = setInterval(() => {
      this.redis.eval(RENEW, 1, key, token, String(this.ttlMs)).then(
        (renewed) => { if (renewed === 0) held = false; },
        () => undefined, // Redis away: the next renewal tries again; if the lock expires meanwhile, `held` turns false then
      );
    }, Math.floor(this.ttlMs / 3));
    timer.unref();
    return {
      get held() {
        return held;
      },
      release: async () => {
        clearInterval(timer);
        if (!held) return;
        held = false;
        await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined); // not released: it expires after ttlMs
      },
    };
  }
}
