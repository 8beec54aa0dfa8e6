/**
 * A per-operation budget of list items (records, timeline events, entities, time expressions), so one request cannot
 * make the server materialise an unbounded response (aliases × nested lists). Each list field resolver hands its
 * items through `take`; past the limit the field fails with `RESULT_TOO_LARGE` and nothing more is loaded.
 *
 * @example
 *   const budget = new ResultBudget(20_000);
 *   budget.take('records', rows)    // rows, counted
 *   budget.take('timeline', more)   // throws ResultTooLargeError once 20,000 items were handed out
 */
import { ResultTooLargeError } from '../../errors/index.js';

export const DEFAULT_MAX_RESULT_ITEMS = 20_000;

export class ResultBudget {
  private used = 0;

  constructor(readonly limit: number = DEFAULT_MAX_RESULT_ITEMS) {}

  /** Throws before loading when the budget is already spent. */
  check(field: string): void {
    if (this.used >= this.limit) throw new ResultTooLargeError(field, this.limit);
  }

  take<T>(field: string, items: T[]): T[] {
    this.used += items.length;
    if (this.used > this.limit) throw new ResultTooLargeError(field, this.limit);
    return items;
  }

  /** Subscriptions resolve one selection per event: each event gets the whole budget. */
  reset(): void {
    this.used = 0;
  }
}
