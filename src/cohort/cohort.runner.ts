/**
 * Runs cohort statements against Neo4j: validates the criteria (parse-criteria.ts), compiles them
 * (compile-criteria.ts), and sends ONE statement per call through `GraphDriver.runGenerated` with the limits'
 * transaction timeout, so a query past its budget is terminated by the server and surfaces as COHORT_TIMEOUT.
 *
 * @example
 *   const cohorts = new CohortRunner(driver);
 *   await cohorts.find({ event: { concept: 'C50' } }, { first: 2 })
 *   // { count: 3, patientIds: ['P001', 'P007'], endCursor: 'UDAwNw', hasNextPage: true, explain: null }
 *   await cohorts.events({ event: { concept: 'C50' } }, ['P001'])
 *   // [{ patientId: 'P001', recordId: 'P001-R01', type: 'DISEASE', text: '左乳腺癌', timeStart: '2018-03-01', ...,
 *   //    criteria: ['event'] }]
 */
import { BadUserInputError, CohortTimeoutError } from '../errors/index.js';
import type { GraphDriver } from '../graph/index.js';
import { DEFAULT_COHORT_LIMITS, type CohortLimits } from './cohort.limits.js';
import { compileCohort, compileEvents, compilePatients, type CompiledStatement } from './compile-criteria.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { parseCriteria, parsePatientScope } from './parse-criteria.js';

export interface CohortPageArgs {
  first: number;
  /** `endCursor` of the previous page. */
  after?: string | null;
}

export interface CohortFindArgs extends CohortPageArgs {
  /** Also return the statement and its parameters. */
  explain?: boolean;
  /** Only among these patients (a study's enrolment list); null or absent: every patient in the graph. */
  patientIds?: readonly string[] | null;
}

export interface PatientIdPage {
  patientIds: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface CohortPage extends PatientIdPage {
  /** Exact number of matching patients. */
  count: number;
  /** The statement and parameters that ran, when asked for. */
  explain: CompiledStatement | null;
}

/** One mention that matched an event criterion, with its source span (UTF-16 offsets into the record text). */
export interface CohortEvent {
  patientId: string;
  recordId: string;
  recordedAt: string;
  mentionId: string;
  type: string;
  text: string;
  start: number;
  end: number;
  timeStart: string;
  timeEnd: string;
  timePrecision: string;
  undated: boolean;
  assertion: string;
  subject: string;
  conceptSystem: string | null;
  conceptCode: string | null;
  conceptName: string | null;
  /** Paths of the criteria it matches (`all[0].sequence.first`). */
  criteria: string[];
}

const EVENT_FIELDS = [
  'patientId', 'recordId', 'recordedAt', 'mentionId', 'type', 'text', 'start', 'end', 'timeStart', 'timeEnd',
  'timePrecision', 'undated', 'assertion', 'subject', 'conceptSystem', 'conceptCode', 'conceptName', 'criteria',
] as const;

export class CohortRunner {
  readonly limits: Readonly<CohortLimits>;

  constructor(private readonly driver: GraphDriver, limits: Partial<CohortLimits> = {}) {
    this.limits = Object.freeze({ ...DEFAULT_COHORT_LIMITS, ...limits });
  }

  /** The matching patients' exact count and one page of their ids, in id order. */
  async find(criteria: unknown, page: CohortFindArgs): Promise<CohortPage> {
    const root = parseCriteria(criteria, this.limits);
    const scope = parsePatientScope(page.patientIds, this.limits);
    const compiled = compileCohort(root, { first: this.pageSize(page.first), after: decodeCursor(page.after) }, scope);
    const [row] = await this.run(compiled);
    const count = (row?.get('count') as number | undefined) ?? 0;
    const ids = (row?.get('page') as string[] | undefined) ?? [];
    return { count, ...this.cut(ids, page.first), explain: page.explain === true ? compiled : null };
  }

  /** Every patient, a page at a time, in id order. */
  async patients(page: CohortPageArgs): Promise<PatientIdPage> {
    const rows = await this.run(compilePatients({ first: this.pageSize(page.first), after: decodeCursor(page.after) }));
    return this.cut(rows.map((r) => r.get('id') as string), page.first);
  }

  /** The mentions of `patientIds` that match the criteria's event criteria (outside `not`), by patient and time. */
  async events(criteria: unknown, patientIds: readonly string[]): Promise<CohortEvent[]> {
    if (patientIds.length === 0) return [];
    // No maxPatientIds here: exports page through their cohort, and the ids come from `find`, not from a caller.
    const compiled = compileEvents(parseCriteria(criteria, this.limits), [...new Set(patientIds)]);
    if (compiled === null) return [];
    const rows = await this.run(compiled);
    return rows.map((r) => Object.fromEntries(EVENT_FIELDS.map((f) => [f, r.get(f) ?? null])) as unknown as CohortEvent);
  }

  private async run(compiled: CompiledStatement) {
    try {
      return await this.driver.runGenerated(compiled.statement, compiled.parameters, { mode: 'READ', timeoutMs: this.limits.timeoutMs });
    } catch (error) {
      if (isTimeout(error)) throw new CohortTimeoutError(this.limits.timeoutMs, error);
      throw error;
    }
  }

  private pageSize(first: number): number {
    if (!Number.isInteger(first) || first < 1 || first > this.limits.maxPageSize) {
      throw new BadUserInputError(`first: expected an integer 1..${this.limits.maxPageSize}, got ${String(first)}`, { field: 'first' });
    }
    return first;
  }

  /** The statements return one id more than asked: its presence is `hasNextPage`. */
  private cut(ids: readonly string[], first: number): PatientIdPage {
    const patientIds = ids.slice(0, first);
    const last = patientIds.at(-1);
    return { patientIds, endCursor: last === undefined ? null : encodeCursor(last), hasNextPage: ids.length > first };
  }
}

/** Neo4j's codes for a transaction terminated by its timeout (the client-given one, or the server default). */
function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}
