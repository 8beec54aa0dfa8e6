/**
 * The only module that talks to neo4j-driver. Every statement is named (`cypher/<name>.cypher`) and parameterised,
 * and every one sent is counted in `roundTrips`, which tests use to prove that DataLoader batches.
 *
 * Fail fast: connection acquisition and transaction retries are bounded by `timeoutMs` (5 s), and once a call finds
 * Neo4j gone every call fails at once with `ServiceUnavailableError` (SERVICE_UNAVAILABLE) until a background probe
 * sees it answer again (`availability.ts`); `whenAvailable()` lets paused work wait for that.
 *
 * @example
 *   const driver = await GraphDriver.connect({ uri: 'bolt://127.0.0.1:7687' });
 *   const rows = await driver.read('records-by-ids', { ids: ['r1'] });   // driver.roundTrips === 1
 */
import neo4j, { type Driver, type Integer, type ManagedTransaction, type QueryResult, type Record as Neo4jRecord } from 'neo4j-driver';
import { ServiceUnavailableError } from '../errors/index.js';
import { Availability, isConnectivityError } from './availability.js';
import { loadQueries, type QueryCatalogue, type QueryName } from './cypher.js';
import type { Log } from '../log/index.js';

export type Params = Readonly<Record<string, unknown>>;

/** A result row. */
export type GraphRecord = Neo4jRecord;

/** An integer parameter: a JS number would reach Cypher as a float (SKIP/LIMIT and counters need integers). */
export function cypherInt(n: number): Integer {
  return neo4j.int(n);
}

export interface GraphDriverOptions {
  uri: string;
  user?: string | null;
  password?: string | null;
  /** How long `connect` keeps retrying while the server is not up yet; default 30 s. */
  connectTimeoutMs?: number;
  /** Connection acquisition timeout and transaction retry budget (NEO4J_TIMEOUT_MS); default 5 s. */
  timeoutMs?: number;
  /** Operational messages (availability changes); default none. */
  log?: Log;
}

export interface GeneratedRunOptions {
  mode: 'READ' | 'WRITE';
  /** Server-side transaction timeout; default: the server's (`db.transaction.timeout`). */
  timeoutMs?: number;
}

/** A write transaction as seen by repositories: run named statements; the transaction commits when `work` resolves. */
export interface GraphTx {
  run(query: QueryName, params?: Params): Promise<Neo4jRecord[]>;
}

export class GraphDriver {
  private trips = 0;
  private writesRefused = false;
  /**
   * One bookmark manager for every session of this process: on a cluster (`neo4j://` routing) a read then waits for
   * the writes this process made before it (read your own writes: a submitted record, then its timeline). On a
   * single instance bookmarks are always satisfied, so it costs nothing there.
   */
  private readonly bookmarks = neo4j.bookmarkManager();
  private readonly availability: Availability;

  private constructor(
    private readonly driver: Driver,
    private readonly queries: QueryCatalogue,
    readonly uri: string,
    log?: Log,
  ) {
    this.availability = new Availability(() => driver.verifyConnectivity(), log ? { log } : {});
  }

  /** Opens a driver and waits until the server answers (it may still be starting). */
  static async connect(options: GraphDriverOptions): Promise<GraphDriver> {
    const auth = options.user != null && options.password != null ? neo4j.auth.basic(options.user, options.password) : undefined;
    // Lossless integers off: counts and offsets come back as JS numbers (all ours are far below 2^53).
    const timeoutMs = options.timeoutMs ?? 5000;
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 20,
      connectionAcquisitionTimeout: timeoutMs,
      connectionTimeout: timeoutMs,
      maxTransactionRetryTime: timeoutMs,
    });
    try {
      await waitUntilReachable(driver, options.connectTimeoutMs ?? 30_000);
    } catch (err) {
      await driver.close();
      throw err;
    }
    return new GraphDriver(driver, loadQueries(), options.uri, options.log);
  }

  /** False from a failed call until Neo4j answers again. */
  get available(): boolean {
    return this.availability.isUp;
  }

  /** Resolves once Neo4j answers (at once when it does), or when the driver is closed. */
  whenAvailable(): Promise<void> {
    return this.availability.whenUp();
  }

  /** Asks Neo4j now (readiness): resolves when it answers, rejects with `ServiceUnavailableError` when it does not. */
  async ping(): Promise<void> {
    try {
      await this.driver.verifyConnectivity();
      this.availability.markUp();
    } catch (err) {
      if (isConnectivityError(err)) this.availability.markDown();
      throw new ServiceUnavailableError('neo4j unavailable', { cause: err });
    }
  }

  /** Shutdown: every later write fails with SERVICE_UNAVAILABLE, so work abandoned in flight stays queued. */
  refuseWrites(): void {
    this.writesRefused = true;
  }

  /** Statements sent since start or the last `resetRoundTrips()`. */
  /** The bookmarks the next transaction of this process waits for (the last writes it made). */
  async causalBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  get roundTrips(): number {
    return this.trips;
  }

  resetRoundTrips(): void {
    this.trips = 0;
  }

  /** One read transaction (retried on transient errors by the driver). */
  async read(query: QueryName, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.readTransaction((tx) => tx.run(query, params));
  }

  /** One read transaction with several statements (one consistent view; retried as a whole on transient errors). */
  async readTransaction<T>(work: (tx: GraphTx) => Promise<T>): Promise<T> {
    return this.guard(false, async () => {
      const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
      try {
        return await session.executeRead((tx) => work({ run: (query, params = {}) => this.runIn(tx, query, params) }));
      } finally {
        await session.close();
      }
    });
  }

  /** One write transaction with one statement. */
  async write(query: QueryName, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.writeTransaction((tx) => tx.run(query, params));
  }

  /**
   * One write transaction; `work` may run more than once (the driver retries deadlocks and other transient errors),
   * so it must only touch the database through `tx`.
   */
  async writeTransaction<T>(work: (tx: GraphTx) => Promise<T>): Promise<T> {
    return this.guard(true, async () => {
      const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
      try {
        return await session.executeWrite((tx) => work({ run: (query, params = {}) => this.runIn(tx, query, params) }));
      } finally {
        await session.close();
      }
    });
  }

  /**
   * One transaction running a statement that is not in the catalogue: the cohort module's (src/cohort), compiled at
   * run time from a validated criteria tree or read from its own `cypher/cohort-*.cypher` files. The text never
   * contains user input; values travel in `params`. `timeoutMs` becomes the transaction's timeout, so the server
   * terminates a query that runs past it (an expensive cohort is never left running after its caller gave up); the
   * error is a `Neo4jError` with a `...TransactionTimedOut...` code and is not retried.
   *
   * @example
   *   await driver.runGenerated(compiled.statement, compiled.parameters, { mode: 'READ', timeoutMs: 10_000 })
   */
  async runGenerated(statement: string, params: Params, options: GeneratedRunOptions): Promise<Neo4jRecord[]> {
    const result = await this.runGeneratedWithSummary(statement, params, options);
    return result.records;
  }

  /** `runGenerated`, keeping the result summary (`summary.profile` when the statement starts with PROFILE). */
  async runGeneratedWithSummary(statement: string, params: Params, options: GeneratedRunOptions): Promise<QueryResult> {
    const config = options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs };
    const work = async (tx: ManagedTransaction): Promise<QueryResult> => {
      this.trips += 1;
      return tx.run(statement, params as Record<string, unknown>);
    };
    return this.guard(options.mode === 'WRITE', async () => {
      const session = this.driver.session({ defaultAccessMode: options.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE, bookmarkManager: this.bookmarks });
      try {
        return options.mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      } finally {
        await session.close();
      }
    });
  }

  /** Schema statements (`cypher/schema.cypher`), each in its own auto-commit transaction as Neo4j requires. */
  async applySchema(): Promise<number> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      for (const statement of [...this.queries.schema, ...this.queries.migrations]) {
        this.trips += 1;
        await session.run(statement);
      }
    } finally {
      await session.close();
    }
    return this.queries.schema.length + this.queries.migrations.length;
  }

  async close(): Promise<void> {
    this.availability.stop();
    await this.driver.close();
  }

  /** Fails fast while Neo4j is known to be down (or writes are refused); marks it down on a connectivity error. */
  private async guard<T>(write: boolean, work: () => Promise<T>): Promise<T> {
    if (write && this.writesRefused) throw new ServiceUnavailableError('shutting down');
    if (!this.availability.isUp) throw new ServiceUnavailableError('neo4j unavailable');
    try {
      return await work();
    } catch (err) {
      if (!isConnectivityError(err)) throw err;
      this.availability.markDown();
      throw new ServiceUnavailableError('neo4j unavailable', { cause: err });
    }
  }

  private async runIn(tx: ManagedTransaction, query: QueryName, params: Params): Promise<Neo4jRecord[]> {
    this.trips += 1;
    const result = await tx.run(this.queries.text(query), params as Record<string, unknown>);
    return result.records;
  }
}

async function waitUntilReachable(driver: Driver, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
