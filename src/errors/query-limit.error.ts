import { OncoError } from './onco-error.js';

/** Which GraphQL document limit a request broke (see `src/api/query-limits.ts`). */
export type QueryLimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS';

/**
 * A query rejected before execution because its document is too deep, too costly, or too large.
 *
 * @example
 *   new QueryLimitError('QUERY_TOO_DEEP', 10)   // "query rejected: QUERY_TOO_DEEP (limit 10)", extensions { code, limit }
 */
export class QueryLimitError extends OncoError<QueryLimitCode> {
  constructor(readonly code: QueryLimitCode, limit: number, found?: number) {
    super(`query rejected: ${DESCRIPTIONS[code]} (limit ${limit}${found === undefined ? '' : `, found ${found}`})`,
      found === undefined ? { limit } : { limit, found });
  }
}

const DESCRIPTIONS: Readonly<Record<QueryLimitCode, string>> = {
  QUERY_TOO_DEEP: 'selections are nested too deeply',
  QUERY_TOO_COSTLY: 'the query would cost too much',
  TOO_MANY_ALIASES: 'too many aliases',
  TOO_MANY_DIRECTIVES: 'too many directives',
  TOO_MANY_TOKENS: 'the document has too many tokens',
};
